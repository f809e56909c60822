using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>Wiro's envelopes, written by hand (no reflection, so trimming and NativeAOT stay safe).</summary>
internal static class WiroJson
{
    /// <summary>Quotes and non-ASCII text stay readable in messages; the bodies are never embedded in HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int MaxKeptCapacity = 64 * 1024;

    /// <summary>
    /// One buffer and writer per thread, reset for each answer: a task answer is a few KiB, and growing a fresh buffer
    /// to that size for every request was most of what the emulator allocated per call. Null while in use, so a
    /// nested write gets its own.
    /// </summary>
    [ThreadStatic]
    private static Scratch? _scratch;

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var scratch = _scratch ?? new Scratch();
        _scratch = null;
        try
        {
            scratch.Buffer.ResetWrittenCount();
            scratch.Writer.Reset(scratch.Buffer);
            scratch.Writer.WriteStartObject();
            write(scratch.Writer);
            scratch.Writer.WriteEndObject();
            scratch.Writer.Flush();
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // A large answer (Tool/List of a big catalogue) is not worth keeping a buffer of its size per thread.
            _scratch = scratch.Buffer.Capacity <= MaxKeptCapacity ? scratch : null;
        }
    }

    /// <summary><c>{"result":false,"errors":[{"code":0,"message":"..."}]}</c>; the code is a number, as Wiro sends it.</summary>
    public static byte[] Error(int code, string message) => Write(w =>
    {
        w.WriteBoolean("result", false);
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary><c>{"result":"false","errors":[{"code":"97","message":"..."}]}</c>: every value a string, as some answers come.</summary>
    public static byte[] ErrorAsStrings(int code, string message) => Write(w =>
    {
        w.WriteString("result", "false");
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("code", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static void WriteOk(Utf8JsonWriter w)
    {
        w.WriteBoolean("result", true);
        w.WriteStartArray("errors");
        w.WriteEndArray();
    }

    private sealed class Scratch
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(8192);

        public Utf8JsonWriter Writer { get; } = new(new ArrayBufferWriter<byte>(1), Options);
    }
}
