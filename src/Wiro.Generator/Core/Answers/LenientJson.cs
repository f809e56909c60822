#nullable enable
namespace Wiro;

using System;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// Reads values out of a server's JSON without trusting it: a property of the wrong kind, a number out of range or
/// text that is not valid UTF-16 once unescaped (invalid UTF-8, a lone surrogate, even in a property name) is read
/// as absent. <see cref="JsonElement"/> throws <see cref="InvalidOperationException"/> for each of these.
/// </summary>
internal static class LenientJson
{
    /// <summary>
    /// The property <paramref name="name"/> of an object (the last one, when repeated); false for anything else. A
    /// property whose own name cannot be read is passed over, not fatal.
    /// </summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            // The fast lookup unescapes names as it goes and stops at the first broken one; look at each instead.
            var found = false;
            foreach (var property in element.EnumerateObject())
            {
                if (NameIs(property, name))
                {
                    value = property.Value;
                    found = true;
                }
            }

            return found;
        }
    }

    /// <summary>A string, number or boolean property as text; null when absent, null, of another kind, or not valid text.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (!TryGet(element, name, out var value))
        {
            return null;
        }

        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// As <see cref="Text"/>, for a field the client cannot do without (an id, a token, a status): a string that is
    /// there but not valid text makes the answer unreadable.
    /// </summary>
    public static string? RequiredText(JsonElement element, string name)
    {
        var text = Text(element, name);
        if (text is null && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            throw new WiroMalformedResponseException($"Wiro's answer holds a '{name}' that is not valid UTF-8 text.", null, null);
        }

        return text;
    }

    /// <summary>
    /// Whether <paramref name="name"/> holds <paramref name="expected"/> as <see cref="RequiredText"/> reads it (text, or
    /// a number's digits; text that is not valid UTF-8 is <see cref="WiroMalformedResponseException"/>). A match of text
    /// is found without making a string of it; only a value that does not match is read as <see cref="RequiredText"/> does.
    /// </summary>
    public static bool TextEquals(JsonElement element, string name, string expected)
    {
        if (TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            try
            {
                if (value.ValueEquals(expected))
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // An escape that is not valid UTF-16 (a lone surrogate): RequiredText below refuses it by name.
            }
        }

        return string.Equals(RequiredText(element, name), expected, StringComparison.Ordinal);
    }

    /// <summary>A finite number, sent as a number or a string; null otherwise.</summary>
    public static double? Number(JsonElement element, string name)
        => double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>A whole number of at least zero that fits a <see cref="long"/> ("202472", 202472, "2.0e5"); null otherwise.</summary>
    public static long? Count(JsonElement element, string name)
        => Number(element, name) is { } number && number >= 0 && number < long.MaxValue && Math.Floor(number) == number
            ? (long)number
            : null;

    /// <summary>A value as raw JSON text; null when it holds text that is not valid UTF-8.</summary>
    public static string? Raw(JsonElement value)
    {
        try
        {
            return value.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool NameIs(JsonProperty property, string name)
    {
        try
        {
            return property.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
