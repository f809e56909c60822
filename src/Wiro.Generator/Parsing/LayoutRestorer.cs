using System.Threading;

namespace Wiro.Generator.Parsing;

/// <summary>
/// Gives a collapsed page (all newlines turned into spaces) back the line breaks Markdig needs to see its headings
/// and fenced code blocks. Only single spaces are replaced by '\n', so the result has the same length and every
/// offset still means the same character of the original text.
/// </summary>
internal static class LayoutRestorer
{
    public static string Restore(SpecText spec, CancellationToken cancellationToken)
    {
        if (!spec.IsCollapsed)
        {
            return spec.Text;
        }

        var text = spec.Text;
        var chars = text.ToCharArray();
        var inFence = false;
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = text[i];
            var afterSpace = i == 0 || text[i - 1] == ' ';
            if (c == '`' && afterSpace && Run(text, i, '`') >= 3)
            {
                i = BreakAroundFence(text, chars, i, ref inFence);
            }
            else if (c == '#' && !inFence && i > 0 && afterSpace && IsSectionHeading(text, i))
            {
                chars[i - 1] = '\n';
            }
        }

        return new string(chars);
    }

    /// <summary>Puts a fence on a line of its own (an opening one keeps its info word); returns the last index used.</summary>
    private static int BreakAroundFence(string text, char[] chars, int start, ref bool inFence)
    {
        if (start > 0)
        {
            chars[start - 1] = '\n';
        }

        var end = start + Run(text, start, '`');
        if (!inFence)
        {
            while (end < text.Length && IsInfoChar(text[end]))
            {
                end++;
            }
        }

        inFence = !inFence;
        if (end < text.Length && text[end] == ' ')
        {
            chars[end] = '\n';
        }

        return end;
    }

    /// <summary>"## Title" or "### Title": the page's own section headings start with a capital letter.</summary>
    private static bool IsSectionHeading(string text, int start)
    {
        var hashes = Run(text, start, '#');
        var title = start + hashes + 1;
        return hashes is 2 or 3 && title < text.Length && text[title - 1] == ' ' && char.IsUpper(text[title]);
    }

    private static bool IsInfoChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '+' or '.';

    private static int Run(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - start;
    }
}
