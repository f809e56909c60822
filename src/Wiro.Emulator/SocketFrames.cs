using System.Text.Json;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The frames the WebSocket sends for one status, shaped like Wiro's
/// (<c>{"type","id","tasktoken","message","result":true}</c>): null messages for plain steps, a log line and
/// progress objects (all strings) for <c>task_output</c>, the outputs array with <c>task_postprocess_end</c>.
/// </summary>
internal static class SocketFrames
{
    public const string LogLine = "Loading model weights";

    private static readonly int[] ProgressSteps = [3, 6, 10];

    public static IEnumerable<byte[]> For(EmulatedTask task, string status, Uri serverAddress)
    {
        var fails = !task.Outcome.Succeeds;
        switch (status)
        {
            case WireStatus.Output when task.Llm is { } llm:
                // An LLM streams its thoughts and answer, the whole so far in every message.
                foreach (var (json, asString) in llm.Messages)
                {
                    yield return Frame(task, status, w =>
                    {
                        if (asString)
                        {
                            w.WriteStringValue(System.Text.Encoding.UTF8.GetString(json));
                        }
                        else
                        {
                            w.WriteRawValue(json);
                        }
                    });
                }

                if (fails)
                {
                    yield return Frame(task, WireStatus.Error, w => w.WriteStringValue(task.Outcome.DebugError));
                }

                break;
            case WireStatus.Output:
                yield return Frame(task, status, w => w.WriteStringValue(LogLine));
                foreach (var step in ProgressSteps)
                {
                    yield return Frame(task, status, w => WriteProgress(w, step));
                }

                if (fails)
                {
                    // On the socket task_error is one line of stderr, not the end of the task.
                    yield return Frame(task, WireStatus.Error, w => w.WriteStringValue(task.Outcome.DebugError));
                }

                break;
            case WireStatus.OutputFull when task.Llm is { } llm:
                // raw with <think> tags, and the arrays.
                yield return Frame(task, status, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("raw", LlmScript.Raw(llm.Thinking, llm.Answer));
                    LlmScript.WriteArray(w, "thinking", llm.Thinking);
                    LlmScript.WriteArray(w, "answer", llm.Answer);
                    w.WriteEndObject();
                });
                if (fails)
                {
                    yield return Frame(task, WireStatus.ErrorFull, w => WriteRaw(w, task.Outcome.DebugError));
                }

                break;
            case WireStatus.OutputFull:
                yield return Frame(task, status, w => WriteRaw(w, TaskJson.Log));
                if (fails)
                {
                    yield return Frame(task, WireStatus.ErrorFull, w => WriteRaw(w, task.Outcome.DebugError));
                }

                break;
            case WireStatus.Error:
                yield return Frame(task, status, w => w.WriteStringValue(task.Outcome.DebugError));
                break;
            case WireStatus.PostprocessEnd:
                yield return Frame(task, status, w => TaskJson.WriteOutputs(w, task, task.Outcome.Succeeds, serverAddress));
                break;
            default:
                yield return Frame(task, status, w => w.WriteNullValue());
                break;
        }
    }

    private static byte[] Frame(EmulatedTask task, string type, Action<Utf8JsonWriter> message) => WiroJson.Write(w =>
    {
        w.WriteString("type", type);
        w.WriteString("id", task.Id);
        w.WriteString("tasktoken", task.Token);
        w.WritePropertyName("message");
        message(w);
        w.WriteBoolean("result", true);
    });

    private static void WriteProgress(Utf8JsonWriter w, int step)
    {
        w.WriteStartObject();
        w.WriteString("type", "progressGenerate");
        w.WriteString("task", "Generate");
        w.WriteString("percentage", (step * 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("stepCurrent", step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("stepTotal", "10");
        w.WriteString("speed", "1.2");
        w.WriteString("speedType", "it/s");
        w.WriteEndObject();
    }

    private static void WriteRaw(Utf8JsonWriter w, string raw)
    {
        w.WriteStartObject();
        w.WriteString("raw", raw);
        w.WriteEndObject();
    }
}
