using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// Reads "- value:" options: value, label, then the optional description, triggerwords and generatesettings, in
/// that order. The value is always double-quoted and kept exactly as written between its quotes (it may be empty).
/// </summary>
internal static class OptionReader
{
    private static readonly string[] OptionKeys = { "value:" };

    private static readonly string[] ExtraKeys = { "description:", "triggerwords:", "generatesettings:" };

    /// <param name="dropLast">Leave out the last option: the page stops inside it, so it may be cut.</param>
    public static EquatableArray<SelectOption> Read(SpecText spec, int from, int to, bool dropLast, CancellationToken cancellationToken)
    {
        var items = DashItems.Find(spec, from, to, OptionKeys, cancellationToken);
        if (dropLast && items.Count > 0)
        {
            to = items[items.Count - 1].Dash;
            items.RemoveAt(items.Count - 1);
        }

        if (items.Count == 0)
        {
            return EquatableArray<SelectOption>.Empty;
        }

        var options = new List<SelectOption>(items.Count);
        var keyStarts = new int[ExtraKeys.Length + 1];
        var keyLengths = new int[ExtraKeys.Length + 1];
        for (var i = 0; i < items.Count; i++)
        {
            var end = i + 1 < items.Count ? items[i + 1].Dash : to;
            var valueStart = items[i].KeyStart + "value:".Length;
            var cursor = valueStart;
            for (var k = 0; k < keyStarts.Length; k++)
            {
                var key = k == 0 ? "label:" : ExtraKeys[k - 1];
                keyStarts[k] = spec.FindKey(key, cursor, end);
                keyLengths[k] = key.Length;
                if (keyStarts[k] >= 0)
                {
                    cursor = keyStarts[k] + key.Length;
                }
            }

            var value = Quoted(spec, valueStart, NextStart(keyStarts, -1, end));
            var label = keyStarts[0] >= 0 ? spec.Value(keyStarts[0] + keyLengths[0], NextStart(keyStarts, 0, end)) : string.Empty;
            var extras = new List<OptionAttribute>();
            for (var k = 1; k < keyStarts.Length; k++)
            {
                if (keyStarts[k] >= 0)
                {
                    extras.Add(new OptionAttribute(ExtraKeys[k - 1].TrimEnd(':'), spec.Value(keyStarts[k] + keyLengths[k], NextStart(keyStarts, k, end))));
                }
            }

            options.Add(new SelectOption(value, label, extras.ToEquatableArray()));
        }

        return options.ToEquatableArray();
    }

    private static int NextStart(int[] keyStarts, int after, int end)
    {
        for (var k = after + 1; k < keyStarts.Length; k++)
        {
            if (keyStarts[k] >= 0)
            {
                return keyStarts[k];
            }
        }

        return end;
    }

    /// <summary>The text between the quotes, verbatim; an unquoted value is read like any other value.</summary>
    private static string Quoted(SpecText spec, int from, int to)
    {
        var start = spec.SkipSpace(from, to);
        var end = spec.TrimEnd(start, to);
        if (end - start >= 2 && spec.Text[start] == '"' && spec.Text[end - 1] == '"')
        {
            return spec.Text.Substring(start + 1, end - start - 2);
        }

        return spec.Value(start < end && spec.Text[start] == '"' ? start + 1 : start, end);
    }
}
