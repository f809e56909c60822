#nullable enable
namespace Wiro;

/// <summary>A task Wiro has just queued.</summary>
/// <param name="TaskId">The task's id, for Task/Detail, Cancel and Kill.</param>
/// <param name="SocketAccessToken">The task's token, for Task/Detail and the WebSocket.</param>
public sealed record WiroRunResult(string TaskId, string SocketAccessToken);
