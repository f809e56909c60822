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
    private SocketMessage(string rawType, double? percentage, string? message)
    {
        RawType = rawType;
        Status = WiroTaskStatusExtensions.FromWireName(rawType);
        Percentage = percentage;
        Message = message;
    }

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
    /// whose type is not valid text, is <see cref="WiroMalformedResponseException"/>.
    /// </summary>
    public static SocketMessage? Read(ReadOnlyMemory<byte> frame)
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

            return new SocketMessage(type, percentage, message);
        }
    }
}
