#nullable enable
namespace Wiro;

using System.Text.Json;

/// <summary>A task Wiro has just queued.</summary>
/// <param name="TaskId">The task's id, for Task/Detail, Cancel and Kill.</param>
/// <param name="SocketAccessToken">The task's token, for Task/Detail and the WebSocket.</param>
public sealed record WiroRunResult(string TaskId, string SocketAccessToken)
{
    /// <summary>The task a Run answer (already accepted as not a refusal) names.</summary>
    internal static WiroRunResult Read(JsonElement root)
    {
        var taskId = LenientJson.RequiredText(root, "taskid");
        var token = LenientJson.RequiredText(root, "socketaccesstoken");
        if (string.IsNullOrEmpty(taskId) || token is null)
        {
            throw new WiroMalformedResponseException("Wiro's Run answer holds no taskid and socketaccesstoken.", null, null);
        }

        return new WiroRunResult(taskId!, token);
    }
}
