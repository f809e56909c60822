using System.Globalization;
using System.Text;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// The one path by which text from a spec enters generated code: as a C# string literal or as XML doc text.
/// Nothing else from a spec is written into a source file (identifiers come from <c>Naming</c>, which only
/// produces ASCII letters, digits and underscores).
/// </summary>
public static class Escape
{
    /// <summary>Longest spec text kept in a doc comment; the rest is elided, the wire value stays whole.</summary>
    public const int MaxDocLength = 600;

    /// <summary>
    /// A regular C# string literal, quotes included, holding exactly <paramref name="value"/>; control, hidden and
    /// non-BMP characters are written as <c>\uXXXX</c> escapes, so the literal shows every character it holds.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsUnicodeEscape(c) || HiddenCharacters.IsHidden(c))
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

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text safe inside a <c>///</c> doc comment: XML-escaped, kept on one line (a line break would end the
    /// comment and let the rest be read as code), control characters and lone surrogates dropped, characters a
    /// reader cannot see (bidi controls, zero-width characters, ...) written as visible character references such as
    /// <c>&amp;#x202E;</c>, long text elided.
    /// </summary>
    public static string XmlDocText(string value)
    {
        var builder = new StringBuilder(value.Length < MaxDocLength ? value.Length : MaxDocLength + 1);
        var lastWasSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (builder.Length >= MaxDocLength)
            {
                builder.Append('…');
                break;
            }

            var c = value[i];
            var isPair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var codePoint = isPair ? char.ConvertToUtf32(c, value[i + 1]) : c;
            var isSpace = !isPair && (char.IsWhiteSpace(c) || NeedsUnicodeEscape(c) || c is '\uFFFE' or '\uFFFF');
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            if (HiddenCharacters.IsHidden(codePoint))
            {
                builder.Append("&#x").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append(';');
            }
            else if (isPair)
            {
                builder.Append(c).Append(value[i + 1]);
            }
            else
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    default: builder.Append(c); break;
                }
            }

            if (isPair)
            {
                i++;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Characters that must never appear raw in generated source: control characters, line separators that end
    /// a line or a comment, and surrogates (a lone one would make the file invalid UTF-8). Characters a reader
    /// cannot see are <see cref="HiddenCharacters"/>.
    /// </summary>
    private static bool NeedsUnicodeEscape(char c)
        => char.IsControl(c)
           || c == '\u2028' || c == '\u2029' || c == '\u0085'
           || char.IsSurrogate(c);
}
