#nullable enable
namespace Wiro;

/// <summary>
/// Where the client logs, when it logs at all: the generated <c>AddWiro</c> implements this over
/// <c>Microsoft.Extensions.Logging</c>, so the core itself references no logging package. Arguments are
/// operation names, counts, status codes and exception type names only: never a key, secret, signature, prompt or
/// file.
/// </summary>
internal interface IWiroLog
{
    /// <summary>A call answered (Debug).</summary>
    void CallSucceeded(string operation, int attempts);

    /// <summary>The client sends a call again (Warning).</summary>
    void Retrying(string operation, int attempt, string reason);

    /// <summary>A wait leaves the WebSocket and polls instead (Warning).</summary>
    void FallingBackToPolling(string taskId, string reason);

    /// <summary>A call failed for good (Error).</summary>
    void CallFailed(string operation, string errorType, int? httpStatus);
}
