using System.Globalization;
using System.Text;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// The one way text from a page or a server reaches a terminal. Control characters (ESC starts the sequences that
/// clear a screen, retitle a window or forge a hyperlink; CR and LF forge lines), bidirectional controls and other
/// invisible characters (<see cref="HiddenCharacters"/>, the generator's rule) and lone surrogates are shown escaped
/// as <c>\u001B</c>, so every line printed is one line and shows what it holds.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every character a terminal would act on or hide written as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        var clean = 0;
        while (clean < text.Length && IsPlain(text, clean))
        {
            clean += char.IsSurrogatePair(text, clean) ? 2 : 1;
        }

        if (clean == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, clean);
        for (var i = clean; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i) && IsPlain(text, i))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (IsPlain(text, i))
            {
                builder.Append(text[i]);
            }
            else
            {
                builder.Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsPlain(string text, int index)
    {
        var c = text[index];
        if (char.IsSurrogatePair(text, index))
        {
            return !HiddenCharacters.IsHidden(char.ConvertToUtf32(c, text[index + 1]));
        }

        return !char.IsControl(c) && !char.IsSurrogate(c) && !HiddenCharacters.IsHidden(c);
    }
}
