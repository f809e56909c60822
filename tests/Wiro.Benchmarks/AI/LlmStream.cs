using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wiro.Benchmarks.Client;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// A long LLM answer as Wiro streams it: every <c>task_output</c> frame carries the WHOLE <c>thinking[]</c> and
/// <c>answer[]</c> so far, with <c>raw</c> (the thought in <c>&lt;think&gt;</c> tags, then the answer), <c>speed</c>
/// and <c>elapsedTime</c> (the shape of <c>../shared/wiro-api/llm-streaming-messages.jsonc</c>), then
/// <c>task_postprocess_end</c>. The frames are laid out back to back as a server writes them on a WebSocket
/// (unmasked text frames, RFC 6455), so a <c>ClientWebSocket</c> can read them from memory, and each frame's JSON
/// can be found in the same array for the floor. JSON is written as Wiro's Node server writes it: non-ASCII as
/// UTF-8, not <c>\u</c> escapes; line breaks and quotes escaped.
/// </summary>
public sealed class LlmStream
{
    /// <summary>The model's thought, complete before the answer starts (so every answer frame carries it whole).</summary>
    public const string Thought =
        "The user asks for a long explanation. I will start from qubits, then superposition and entanglement, then what a " +
        "quantum computer is good at, and keep each part plain; no formulas unless they help.";

    public const string Prompt = "Explain quantum computing at length.";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private LlmStream(string answer, byte[] wire, (int Offset, int Length)[] outputFrames, byte[] taskDetail)
    {
        Answer = answer;
        Wire = wire;
        OutputFrames = outputFrames;
        TaskDetail = taskDetail;
    }

    /// <summary>The whole answer.</summary>
    public string Answer { get; }

    /// <summary>Every frame the server sends after the subscription, with its WebSocket header, back to back.</summary>
    public byte[] Wire { get; }

    /// <summary>Where each <c>task_output</c> frame's JSON is in <see cref="Wire"/>.</summary>
    public (int Offset, int Length)[] OutputFrames { get; }

    /// <summary>The Task/Detail answer once the task ended: the answer inline as the output's content, and as <c>debugoutput</c>.</summary>
    public byte[] TaskDetail { get; }

    /// <summary>An answer of <paramref name="answerLength"/> characters in <paramref name="frames"/> frames, each adding the same number.</summary>
    public static LlmStream Create(int answerLength, int frames)
    {
        var answer = AnswerText(answerLength);
        var step = answerLength / frames;
        var payload = new ArrayBufferWriter<byte>(1 << 20);

        // Two passes: the sizes first, so the 200 MB of frames are written once into an array of the exact size.
        long total = 0;
        for (var k = 1; k <= frames; k++)
        {
            payload.ResetWrittenCount();
            WriteOutput(payload, answer, k == frames ? answerLength : k * step, k);
            total += HeaderLength(payload.WrittenCount) + payload.WrittenCount;
        }

        payload.ResetWrittenCount();
        WriteTerminal(payload);
        total += HeaderLength(payload.WrittenCount) + payload.WrittenCount;

        var wire = new byte[checked((int)total)];
        var outputFrames = new (int, int)[frames];
        var at = 0;
        for (var k = 1; k <= frames; k++)
        {
            payload.ResetWrittenCount();
            WriteOutput(payload, answer, k == frames ? answerLength : k * step, k);
            outputFrames[k - 1] = (at + HeaderLength(payload.WrittenCount), payload.WrittenCount);
            at = Frame(wire, at, payload.WrittenSpan);
        }

        payload.ResetWrittenCount();
        WriteTerminal(payload);
        at = Frame(wire, at, payload.WrittenSpan);
        if (at != wire.Length)
        {
            throw new InvalidOperationException("The frames' two passes disagree on their length.");
        }

        return new LlmStream(answer, wire, outputFrames, WriteTaskDetail(answer));
    }

    /// <summary>Prose with line breaks, quotes and a few accented letters (all in the BMP, so any cut is between whole characters).</summary>
    private static string AnswerText(int length)
    {
        string[] words =
        [
            "A", "qubit", "holds", "a", "superposition", "of", "0", "and", "1,", "so", "a", "register", "of", "n", "qubits",
            "spans", "2^n", "states", "at", "once;", "entanglement", "ties", "their", "outcomes", "together", "and",
            "interference", "lets", "an", "algorithm", "cancel", "wrong", "answers", "before", "they", "are", "read", "—",
            "the", "\"measurement\"", "picks", "one", "outcome", "with", "the", "square", "of", "its", "amplitude", "(a", "naïve",
            "café", "example", "helps).", "**Error", "correction**", "spends", "many", "physical", "qubits", "per", "logical", "`qubit`.",
        ];
        var text = new StringBuilder(length + 64);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(words[((i * 7) + (i / words.Length)) % words.Length]);
            text.Append(i % 41 == 40 ? "\n\n" : i % 13 == 12 ? "\n" : " ");
        }

        return text.ToString(0, length);
    }

    private static void WriteOutput(ArrayBufferWriter<byte> buffer, string answer, int length, int k)
    {
        var part = answer.AsSpan(0, length);
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "task_output");
        w.WriteString("id", WiroAnswers.TaskId);
        w.WriteString("tasktoken", WiroAnswers.SocketAccessToken);
        w.WriteStartObject("message");
        w.WriteString("type", "answer");
        w.WriteStartArray("thinking");
        w.WriteStringValue(Thought);
        w.WriteEndArray();
        w.WriteStartArray("answer");
        w.WriteStringValue(part);
        w.WriteEndArray();
        w.WriteString("raw", string.Concat("<think>", Thought, "</think>", part));
        w.WriteBoolean("isThinking", false);
        w.WriteString("speed", (40 + (k % 17)).ToString(CultureInfo.InvariantCulture) + ".5");
        w.WriteString("speedType", "t/s");
        w.WriteString("elapsedTime", (1 + (k / 40)).ToString(CultureInfo.InvariantCulture) + "s");
        w.WriteEndObject();
        w.WriteBoolean("result", true);
        w.WriteEndObject();
    }

    private static void WriteTerminal(ArrayBufferWriter<byte> buffer)
    {
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "task_postprocess_end");
        w.WriteString("id", WiroAnswers.TaskId);
        w.WriteString("tasktoken", WiroAnswers.SocketAccessToken);
        w.WriteNull("message");
        w.WriteBoolean("result", true);
        w.WriteEndObject();
    }

    private static byte[] WriteTaskDetail(string answer)
    {
        var buffer = new ArrayBufferWriter<byte>(answer.Length * 3);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("total", "1");
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteStartArray("tasklist");
            w.WriteStartObject();
            w.WriteString("id", WiroAnswers.TaskId);
            w.WriteString("uuid", "15bce51f-442f-4f44-a71d-13c6374a62bd");
            w.WriteString("socketaccesstoken", WiroAnswers.SocketAccessToken);
            w.WriteStartObject("parameters");
            w.WriteString("prompt", Prompt);
            w.WriteEndObject();
            w.WriteString("debugoutput", answer);
            w.WriteString("debugerror", "");
            w.WriteString("status", "task_postprocess_end");
            w.WriteString("pexit", "0");
            w.WriteString("elapsedseconds", "51.0000");
            w.WriteString("totalcost", "0.0035");
            w.WriteStartArray("outputs");
            w.WriteStartObject();
            w.WriteString("contenttype", "raw");
            w.WriteStartObject("content");
            w.WriteString("prompt", Prompt);
            w.WriteString("raw", string.Concat("<think>", Thought, "</think>", answer));
            w.WriteStartArray("thinking");
            w.WriteStringValue(Thought);
            w.WriteEndArray();
            w.WriteStartArray("answer");
            w.WriteStringValue(answer);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("result", true);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static int HeaderLength(int payloadLength) => payloadLength <= 125 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10;

    /// <summary>One final, unmasked text frame (as a server sends it) at <paramref name="at"/>; returns where the next starts.</summary>
    private static int Frame(byte[] wire, int at, ReadOnlySpan<byte> payload)
    {
        wire[at++] = 0x81;
        if (payload.Length <= 125)
        {
            wire[at++] = (byte)payload.Length;
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            wire[at++] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(wire.AsSpan(at), (ushort)payload.Length);
            at += 2;
        }
        else
        {
            wire[at++] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(wire.AsSpan(at), (ulong)payload.Length);
            at += 8;
        }

        payload.CopyTo(wire.AsSpan(at));
        return at + payload.Length;
    }
}
