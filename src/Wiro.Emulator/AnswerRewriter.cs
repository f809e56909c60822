using System.Buffers;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>
/// Damages a real answer the way a broken server would: the first value of one field, anywhere in the answer (or
/// only inside <c>outputs</c>), is replaced by raw bytes that need not be valid JSON text.
/// </summary>
internal static class AnswerRewriter
{
    /// <summary>The answer with <paramref name="fault"/> applied; null when it holds no field the fault can change.</summary>
    public static byte[]? Apply(WiroFault fault, ReadOnlyMemory<byte> answer)
    {
        Func<JsonElement, byte[]?> replacement = fault.Kind switch
        {
            WiroFaultKind.InvalidUtf8 => value => value.ValueKind == JsonValueKind.String ? NotUtf8(value.GetString()!) : null,
            WiroFaultKind.ResultTrueAsString => _ => JsonString("true"),
            WiroFaultKind.OutOfRangeNumber => _ => System.Text.Encoding.UTF8.GetBytes(fault.Value!),
            _ => _ => JsonString(fault.Value!),
        };
        var within = fault.Kind is WiroFaultKind.HostileOutputName or WiroFaultKind.HostileOutputUrl ? "outputs" : null;
        return Rewrite(answer, fault.Field!, within, replacement);
    }

    public static bool IsJsonNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[]? Rewrite(ReadOnlyMemory<byte> answer, string field, string? within, Func<JsonElement, byte[]?> replacement)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var buffer = new ArrayBufferWriter<byte>(answer.Length + 64);
            var state = new State(field, within, replacement);
            using (var writer = new Utf8JsonWriter(buffer, WiroJson.Options))
            {
                Write(writer, document.RootElement, within is null, state);
            }

            return state.Done ? buffer.WrittenSpan.ToArray() : null;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool inScope, State state)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (!state.Done && inScope && property.NameEquals(state.Field) && state.Replacement(property.Value) is { } raw)
                    {
                        // Not validated: the point is bytes a real parser may choke on.
                        writer.WriteRawValue(raw, skipInputValidation: true);
                        state.Done = true;
                    }
                    else
                    {
                        Write(writer, property.Value, inScope || (state.Within is { } within && property.NameEquals(within)), state);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, inScope, state);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static byte[] JsonString(string text)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer, WiroJson.Options))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The string as JSON with 0xFF (never valid in UTF-8) before its closing quote.</summary>
    private static byte[] NotUtf8(string text)
    {
        var quoted = JsonString(text);
        return [.. quoted.AsSpan(0, quoted.Length - 1), 0xFF, (byte)'"'];
    }

    private sealed class State(string field, string? within, Func<JsonElement, byte[]?> replacement)
    {
        public string Field { get; } = field;

        public string? Within { get; } = within;

        public Func<JsonElement, byte[]?> Replacement { get; } = replacement;

        public bool Done { get; set; }
    }
}
