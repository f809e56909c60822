#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

/// <summary>What a <see cref="WiroToolFunction"/> call returns to a model, written with <see cref="Utf8JsonWriter"/> (no reflection).</summary>
internal static class ToolFunctionResult
{
    private const int MaxKeptBufferBytes = 16 * 1024;

    // A summary is written synchronously, so one buffer and one writer per thread are reused rather than a stream and
    // a writer per call (a writer over a stream grows its own buffer for the worst case of every escaped string: about
    // 6 KB per summary of one output, against the one string it makes).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// A summary as JSON (<c>taskId</c>, <c>status</c>, <c>succeeded</c>, <c>cost</c>, <c>error</c> when it failed), a
    /// link per file output (its URL and media type; the <see cref="WiroOutput"/>, with its name and size, as raw
    /// representation) and the text of each inline answer; a failed task starts with an <see cref="ErrorContent"/>. Each
    /// URL is in the result once: a model pays for every token of it.
    /// </summary>
    public static List<AIContent> Of(WiroTaskResult result)
    {
        var contents = new List<AIContent>((result.IsSuccess ? 1 : 2) + result.Outputs.Count);
        if (!result.IsSuccess)
        {
            contents.Add(new ErrorContent("The Wiro task " + result.Task.Id + " did not succeed: " + result.FailureReason)
            {
                ErrorCode = result.Status.ToWireName(),
            });
        }

        contents.Add(new TextContent(Summary(result)) { RawRepresentation = result });
        var outputs = result.Outputs;
        for (var i = 0; i < outputs.Count; i++)   // by index: an interface's enumerator is an allocation
        {
            var output = outputs[i];
            if (output.Url is { } url)
            {
                contents.Add(Link(url, output));
            }
            else if (output.ContentJson is { } json && AnswerText(json) is { Length: > 0 } answer)
            {
                contents.Add(new TextContent(answer));
            }
        }

        return contents;
    }

    /// <summary>An output's link with its media type; the <see cref="WiroOutput"/> itself (file name, size) is its raw representation, at no cost.</summary>
    private static UriContent Link(Uri url, WiroOutput output)
    {
        return new UriContent(url, output.MediaType) { RawRepresentation = output };
    }

    /// <summary>A run Wiro refused, or an answer it could not read: the model can read why.</summary>
    public static List<AIContent> Refused(WiroApiException exception)
        => [new ErrorContent("Wiro did not run the tool: " + exception.Message) { ErrorCode = "wiro_" + exception.Code.ToString(CultureInfo.InvariantCulture) }];

    /// <summary>Wiro could not be reached, or did not answer in time.</summary>
    public static List<AIContent> Unreachable(Exception exception)
        => [new ErrorContent("Wiro could not be reached or did not answer in time (" + exception.GetType().Name + "); the run may not have started.") { ErrorCode = "unreachable" }];

    private static string Summary(WiroTaskResult result)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = t_writer;
        if (json is null)
        {
            json = new Utf8JsonWriter(buffer);
            t_writer = json;
        }
        else
        {
            json.Reset(buffer);
        }

        try
        {
            json.WriteStartObject();
            json.WriteString("taskId", result.Task.Id);
            json.WriteString("status", result.Status.ToWireName());
            json.WriteBoolean("succeeded", result.IsSuccess);
            if (result.Task.TotalCost is { } cost)
            {
                json.WriteNumber("cost", cost);
            }

            if (result.FailureReason is { } reason)
            {
                json.WriteString("error", reason);
            }

            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            // Reset whatever happened, so a writer left mid-object never starts the next summary; a buffer a task with
            // very many outputs grew is not kept.
            json.Reset();
            buffer.ResetWrittenCount();
            if (buffer.Capacity > MaxKeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>An LLM output's answer (<c>{"answer": [...]}</c> joined, else <c>raw</c>), or null.</summary>
    private static string? AnswerText(string contentJson)
    {
        try
        {
            using var document = JsonDocument.Parse(contentJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Array)
            {
                var text = new StringBuilder();
                foreach (var part in answer.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.String)
                    {
                        text.Append(part.GetString());
                    }
                }

                if (text.Length > 0)
                {
                    return text.ToString();
                }
            }

            return root.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String ? raw.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
