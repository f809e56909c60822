#nullable enable
namespace Wiro;

using System;
using System.Text.Json;

/// <summary>
/// One WebSocket message, <c>{"type":"task_output","id":"…","tasktoken":"…","message":…}</c>: the status it
/// carries, and the log line or progress of a <c>task_output</c>.
/// </summary>
internal sealed class SocketMessage
{
    private SocketMessage(string rawType, string? taskId, string? token, double? percentage, string? message)
    {
        RawType = rawType;
        Status = WiroTaskStatusExtensions.FromWireName(rawType);
        TaskId = taskId;
        Token = token;
        Percentage = percentage;
        Message = message;
    }

    /// <summary>The task's id as the message names it (<c>id</c>); null when it names none.</summary>
    public string? TaskId { get; }

    /// <summary>The task's token as the message names it (<c>tasktoken</c>); null when it names none.</summary>
    public string? Token { get; }

    /// <summary>The status; <see cref="WiroTaskStatus.Unknown"/> for a type no spec lists.</summary>
    public WiroTaskStatus Status { get; }

    /// <summary>The type exactly as sent.</summary>
    public string RawType { get; }

    /// <summary>The progress in percent, when a progress object carried a finite one.</summary>
    public double? Percentage { get; }

    /// <summary>A log line, when the message was text (not valid text is dropped).</summary>
    public string? Message { get; }

    /// <summary>
    /// Reads one message; null when it has no type (nothing to report). A message that is not a JSON object, or
    /// whose type, id or token is a string that is not valid text, is <see cref="WiroMalformedResponseException"/>.
    /// </summary>
    public static SocketMessage? Read(ReadOnlyMemory<byte> frame) => Read(frame, null, null);

    /// <summary>
    /// Reads one message as <see cref="Read(ReadOnlyMemory{byte})"/> does and, when it is a <c>task_output</c> about
    /// <paramref name="run"/> with a <c>message</c>, hands that value (as sent: an object, a string, ...) to
    /// <paramref name="outputMessage"/> while the message is parsed, so an LLM's frame is read once. The callback must
    /// not throw, and must copy what it keeps.
    /// </summary>
    public static SocketMessage? Read(ReadOnlyMemory<byte> frame, WiroRunResult? run, ITaskOutputReader? outputMessage)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException exception)
        {
            throw new WiroMalformedResponseException($"Wiro's WebSocket sent a message that is not JSON ({exception.Message}).", null, exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WiroMalformedResponseException("Wiro's WebSocket sent a message that is not a JSON object.", null, null);
            }

            var type = LenientJson.RequiredText(root, "type");
            if (type is null)
            {
                return null;
            }

            double? percentage = null;
            string? message = null;
            if (LenientJson.TryGet(root, "message", out var body))
            {
                if (body.ValueKind == JsonValueKind.String)
                {
                    message = LenientJson.Text(root, "message");
                }
                else if (body.ValueKind == JsonValueKind.Object)
                {
                    // task_output carries {"type":"progressGenerate","percentage":"60",...}; LLM tools send text instead.
                    percentage = LenientJson.Number(body, "percentage");
                }
            }

            var read = new SocketMessage(type, LenientJson.RequiredText(root, "id"), LenientJson.RequiredText(root, "tasktoken"), percentage, message);
            if (outputMessage is not null && run is not null && read.Status == WiroTaskStatus.TaskOutput && read.IsAbout(run)
                && LenientJson.TryGet(root, "message", out var output))
            {
                outputMessage.Read(output);
            }

            return read;
        }
    }

    /// <summary>
    /// False when the message names another task than <paramref name="run"/>: an <c>id</c> or a <c>tasktoken</c> that
    /// is there and differs from the run's (a message that names neither is taken as the subscription's own).
    /// </summary>
    public bool IsAbout(WiroRunResult run)
        => (TaskId is null || string.Equals(TaskId, run.TaskId, StringComparison.Ordinal))
           && (Token is null || string.Equals(Token, run.SocketAccessToken, StringComparison.Ordinal));
}
