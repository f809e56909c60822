using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>A list item that starts with "- key:": where its dash is and which key follows it.</summary>
internal readonly record struct DashItem(int Dash, int KeyStart, string Key);

/// <summary>Finds list items ("- name:", "- value:", "- task_queue :") in one pass over a range of the page.</summary>
internal static class DashItems
{
    /// <summary>Whitespace allowed between the dash and its key; more than this is not a list item.</summary>
    private const int MaxGap = 16;

    /// <summary>Every "- key:" in [from, to) whose key is one of <paramref name="keys"/>.</summary>
    public static List<DashItem> Find(SpecText spec, int from, int to, string[] keys, CancellationToken cancellationToken)
    {
        var items = new List<DashItem>();
        var text = spec.Text;
        for (var dash = NextDash(spec, from, to); dash >= 0; dash = NextDash(spec, dash + 1, to))
        {
            if (items.Count % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var key = KeyStart(spec, dash, to);
            if (key < 0)
            {
                continue;
            }

            foreach (var candidate in keys)
            {
                if (spec.IsAt(candidate, key, to))
                {
                    items.Add(new DashItem(dash, key, candidate));
                    break;
                }
            }
        }

        return items;
    }

    /// <summary>Every "- word :" status entry in [from, to): word is letters, digits and underscores.</summary>
    public static List<(int Dash, int WordStart, int WordEnd, int DescriptionStart)> FindEntries(
        SpecText spec, int from, int to, CancellationToken cancellationToken)
    {
        var entries = new List<(int, int, int, int)>();
        var text = spec.Text;
        for (var dash = NextDash(spec, from, to); dash >= 0; dash = NextDash(spec, dash + 1, to))
        {
            if (entries.Count % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var word = KeyStart(spec, dash, to);
            if (word < 0)
            {
                continue;
            }

            var end = word;
            while (end < to && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var colon = spec.SkipSpace(end, to);
            if (end > word && colon < to && text[colon] == ':')
            {
                entries.Add((dash, word, end, colon + 1));
            }
        }

        return entries;
    }

    private static int NextDash(SpecText spec, int from, int to)
    {
        while (from < to)
        {
            var dash = spec.Text.IndexOf('-', from, to - from);
            if (dash < 0)
            {
                return -1;
            }

            if (spec.IsKeyStart(dash))
            {
                return dash;
            }

            from = dash + 1;
        }

        return -1;
    }

    /// <summary>Where the key after a list dash starts, or -1 when the dash is not followed by a short gap.</summary>
    private static int KeyStart(SpecText spec, int dash, int to)
    {
        var key = dash + 1;
        while (key < to && key - dash - 1 < MaxGap && spec.Text[key] is ' ' or '\t' or '\n' or '\r')
        {
            key++;
        }

        return key > dash + 1 && key < to && !SpecText.IsSpace(spec.Text[key]) ? key : -1;
    }
}
