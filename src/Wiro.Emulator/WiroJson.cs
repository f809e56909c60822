using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>Wiro's envelopes, written by hand (no reflection, so trimming and NativeAOT stay safe).</summary>
internal static class WiroJson
{
    /// <summary>Quotes and non-ASCII text stay readable in messages; the bodies are never embedded in HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
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
}
