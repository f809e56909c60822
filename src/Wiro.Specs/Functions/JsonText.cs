using System.Globalization;
using System.Text;

namespace Wiro.Specs;

/// <summary>
/// JSON written by hand (the spec layer is netstandard2.0 and Roslyn-free, with no JSON library): the one way text
/// becomes a JSON string, and numbers in invariant form.
/// </summary>
public static class JsonText
{
    /// <summary>
    /// A JSON string literal, quotes included, holding <paramref name="value"/>: <c>"</c>, <c>\</c> and every control
    /// character escaped, line and paragraph separators and characters a reader cannot see (<see cref="HiddenCharacters"/>)
    /// written as <c>\uXXXX</c>, and a lone surrogate (not text) as U+FFFD, so the result is always valid UTF-8 JSON.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendString(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends <see cref="String"/> of <paramref name="value"/>.</summary>
    public static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (HiddenCharacters.IsHidden(codePoint))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture))
                        .Append("\\u").Append(((int)value[i + 1]).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        builder.Append("\\ufffd");
                    }
                    else if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || HiddenCharacters.IsHidden(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
