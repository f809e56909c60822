#nullable enable
namespace Wiro;

using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Travels with every signed API request (in <see cref="HttpRequestMessage.Options"/>) so that the innermost
/// handler knows the message is Wiro's, whether it may be sent more than once, and how many times it was. An
/// object rather than a flag: a handler that copies a message's options copies the reference, so a copy of a Run
/// still counts as the same Run.
/// </summary>
internal sealed class WiroCall
{
    public static readonly HttpRequestOptionsKey<WiroCall> Key = new("Wiro.Call");

    private readonly TaskCompletionSource<bool> _firstAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempts;

    public WiroCall(string operation, bool sendOnce)
    {
        Operation = operation;
        SendOnce = sendOnce;
    }

    /// <summary>What the call is, for messages: <c>Run owner/model</c>, <c>Task/Detail</c>, ...</summary>
    public string Operation { get; }

    /// <summary>True for calls that are not idempotent (Run, upload): a second send would start a second task.</summary>
    public bool SendOnce { get; }

    /// <summary>How many times a handler sent (or tried to send) the message.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>What the first attempt got, for the message of a refused second one.</summary>
    public string? FirstOutcome { get; private set; }

    /// <summary>Completes when the first attempt ends: true when it got a success status, false otherwise.</summary>
    public Task<bool> FirstAnswered => _firstAnswered.Task;

    /// <summary>Notes how the first attempt ended; <paramref name="outcome"/> is kept for a refusal's message.</summary>
    public void EndFirstAttempt(string outcome, bool succeeded)
    {
        FirstOutcome ??= outcome;
        _firstAnswered.TrySetResult(succeeded);
    }

    /// <summary>Counts an attempt; false when the call may be sent only once and already was.</summary>
    public bool TryStartAttempt() => Interlocked.Increment(ref _attempts) == 1 || !SendOnce;
}
