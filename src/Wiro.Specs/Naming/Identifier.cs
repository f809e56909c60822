using System.Text;

namespace Wiro.Specs;

/// <summary>
/// Turns spec text (slugs, input names, option values and labels) into C# identifiers. Output only ever holds
/// ASCII letters, digits and underscores, so no spec can smuggle other characters into generated code.
/// </summary>
public static class Identifier
{
    /// <summary>
    /// PascalCase of <paramref name="text"/>: words split at any character that is not an ASCII letter or digit,
    /// the first letter of each word raised, words of capital letters only (<c>LTX</c>) lowered after their first letter.
    /// Returns an empty string when the text holds no letter or digit.
    /// </summary>
    public static string ToPascalCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && IsAsciiLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                AppendWord(builder, text, start, i - start);
                start = -1;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="name"/> can stand as a C# identifier as it is.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return !Keywords.IsReserved(name);
    }

    /// <summary>Makes <paramref name="candidate"/> a valid identifier, prefixing it when it starts with a digit.</summary>
    public static string Sanitize(string candidate, string prefixForDigits, string fallback)
    {
        if (candidate.Length == 0)
        {
            return fallback;
        }

        var name = char.IsDigit(candidate[0]) ? prefixForDigits + candidate : candidate;
        return Keywords.IsReserved(name) ? "@" + name : name;
    }

    private static void AppendWord(StringBuilder builder, string text, int start, int length)
    {
        // Only a word made of capital letters alone is an acronym to soften (LTX -> Ltx); I2V or A14B stay.
        var allUpper = length > 1;
        for (var i = start; i < start + length; i++)
        {
            if (!(text[i] >= 'A' && text[i] <= 'Z'))
            {
                allUpper = false;
                break;
            }
        }

        builder.Append(char.ToUpperInvariant(text[start]));
        for (var i = start + 1; i < start + length; i++)
        {
            builder.Append(allUpper ? char.ToLowerInvariant(text[i]) : text[i]);
        }
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');
}
