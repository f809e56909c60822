using System;
using System.Text;

namespace Wiro.Specs;

/// <summary>
/// The original text of one spec page with the few questions every reader asks of it: where a key may start,
/// what a value reads as once whitespace is normalized, and where an offset is for a diagnostic.
/// </summary>
/// <remarks>
/// Offsets always refer to the original text, so a diagnostic points at the place the author sees. In a collapsed
/// page (every whitespace run turned into one space) any whitespace may precede a key; in the line layout a key
/// must start its line, which keeps prose like "the type: field" inside a help text from ending the help early.
/// </remarks>
internal sealed class SpecText
{
    private readonly LineIndex _lines;

    public SpecText(string filePath, string text)
    {
        FilePath = filePath;
        Text = text;
        IsCollapsed = LooksCollapsed(text);
        _lines = new LineIndex(text);
    }

    public string FilePath { get; }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>True for a page whose newlines were collapsed into spaces (the seed and the excerpts).</summary>
    public bool IsCollapsed { get; }

    /// <summary>The whitespace that separates keys and that values are normalized over (ASCII only, like the pages).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    /// <summary>Whether a key written at <paramref name="position"/> counts as a key rather than as part of a value.</summary>
    public bool IsKeyStart(int position)
    {
        if (position <= 0)
        {
            return true;
        }

        if (IsCollapsed)
        {
            return IsSpace(Text[position - 1]);
        }

        for (var i = position - 1; i >= 0; i--)
        {
            var c = Text[i];
            if (c is '\n' or '\r')
            {
                return true;
            }

            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first <paramref name="key"/> in [from, to) that starts a key, or -1.</summary>
    public int FindKey(string key, int from, int to)
    {
        while (from < to && to - from >= key.Length)
        {
            var hit = Text.IndexOf(key, from, to - from, StringComparison.Ordinal);
            if (hit < 0)
            {
                return -1;
            }

            if (IsKeyStart(hit))
            {
                return hit;
            }

            from = hit + 1;
        }

        return -1;
    }

    /// <summary>Whether <paramref name="key"/> is written at <paramref name="position"/>, before <paramref name="to"/>.</summary>
    public bool IsAt(string key, int position, int to)
        => position >= 0 && to - position >= key.Length && string.CompareOrdinal(Text, position, key, 0, key.Length) == 0;

    public int SkipSpace(int position, int to)
    {
        while (position < to && IsSpace(Text[position]))
        {
            position++;
        }

        return position;
    }

    public int TrimEnd(int from, int to)
    {
        while (to > from && IsSpace(Text[to - 1]))
        {
            to--;
        }

        return to;
    }

    /// <summary>The text of [from, to) with whitespace runs turned into one space and trimmed, so both layouts agree.</summary>
    public string Value(int from, int to)
    {
        from = SkipSpace(from, to);
        to = TrimEnd(from, to);
        if (from >= to)
        {
            return string.Empty;
        }

        var plain = true;
        for (var i = from; i < to; i++)
        {
            if (IsSpace(Text[i]) && (Text[i] != ' ' || IsSpace(Text[i + 1])))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return Text.Substring(from, to - from);
        }

        var builder = new StringBuilder(to - from);
        var inSpace = false;
        for (var i = from; i < to; i++)
        {
            var c = Text[i];
            if (IsSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                builder.Append(' ');
                inSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text of [from, to) exactly as written, without the spaces and line breaks that separate it from its key
    /// and from what follows: a default keeps its tabs, form feeds and inner whitespace, which a run sends.
    /// </summary>
    public string Verbatim(int from, int to)
    {
        while (from < to && Text[from] is ' ' or '\r' or '\n')
        {
            from++;
        }

        while (to > from && Text[to - 1] is ' ' or '\r' or '\n')
        {
            to--;
        }

        return Text.Substring(from, to - from);
    }

    /// <summary>A location for [from, to), clamped to the text and trimmed of surrounding whitespace.</summary>
    public LocationInfo Location(int from, int to)
    {
        from = Math.Max(0, Math.Min(from, Length));
        to = Math.Max(from, Math.Min(to, Length));
        var start = SkipSpace(from, to);
        if (start < to)
        {
            from = start;
            to = TrimEnd(from, to);
        }

        return new LocationInfo(FilePath, new TextRange(from, to), new LineRange(_lines.Position(from), _lines.Position(to)));
    }

    /// <summary>The location of the line that holds <paramref name="position"/> (for collapsed pages: from there to the end of the next words).</summary>
    public LocationInfo LineAt(int position)
    {
        position = Math.Max(0, Math.Min(position, Length));
        var end = position;
        while (end < Length && Text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        return Location(position, IsCollapsed ? Math.Min(end, position + 80) : end);
    }

    private static bool LooksCollapsed(string text)
    {
        var lastContent = text.Length - 1;
        while (lastContent >= 0 && IsSpace(text[lastContent]))
        {
            lastContent--;
        }

        for (var i = 0; i < lastContent; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                return false;
            }
        }

        return true;
    }
}
