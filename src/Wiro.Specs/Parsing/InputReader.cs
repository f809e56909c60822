using System;
using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// The inputs read from an inputs section and, when the page may have cut its last input, where that input starts,
/// its name, and whether it was kept (the cut fell in its options list, after everything else it declares).
/// </summary>
internal sealed record InputSection(List<ToolInput> Inputs, int CutItemStart, string CutName, bool CutKept);

/// <summary>
/// Reads "- name:" items. Keys inside an input come in a fixed order (name, label, help, type, default, options),
/// so each value runs to the next key. The <c>type:</c> key is the anchor: it must be followed by one word and then
/// <c>default:</c>, <c>options:</c> or the end of the input, which keeps "type:" inside a help text from counting.
/// </summary>
internal static class InputReader
{
    private static readonly string[] ItemKeys = { "name:", "label:", "help:", "type:" };

    /// <param name="runsToEnd">
    /// True when nothing follows the section, so its last input may be cut. That input is left out, unless the text
    /// reached its options: then all its keys are whole and it is kept without its last, possibly cut, option.
    /// </param>
    public static InputSection Read(
        SpecText spec, int from, int to, bool runsToEnd, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var items = DashItems.Find(spec, from, to, ItemKeys, cancellationToken);
        var inputs = new List<ToolInput>(items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var cutItemStart = -1;
        var cutName = string.Empty;
        var cutKept = false;
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = i + 1 < items.Count ? items[i + 1].Dash : to;
            var isCut = runsToEnd && i == items.Count - 1;
            var input = ReadItem(spec, items[i], end, isCut, diagnostics, cancellationToken);
            if (isCut)
            {
                cutItemStart = items[i].Dash;
                cutName = input?.Name ?? (items[i].Key == "name:" ? spec.Value(items[i].KeyStart + 5, NameEnd(spec, items[i].KeyStart + 5, to)) : string.Empty);
                cutKept = input is not null;
            }

            if (input is null)
            {
                continue;
            }

            if (!names.Add(input.Name))
            {
                diagnostics.Add(Diagnose.DuplicateInput(input.Location!, input.Name));
                continue;
            }

            inputs.Add(input);
        }

        return new InputSection(inputs, cutItemStart, cutName, cutKept);
    }

    private static ToolInput? ReadItem(
        SpecText spec, DashItem item, int end, bool isCut, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (isCut && item.Key != "name:")
        {
            return null;
        }

        if (item.Key != "name:")
        {
            diagnostics.Add(Diagnose.MalformedInput(spec.LineAt(item.Dash), "an input starts with '" + item.Key + "' and has no name"));
            return null;
        }

        var nameStart = item.KeyStart + "name:".Length;
        var type = FindType(spec, nameStart, end);
        var beforeType = type.Key >= 0 ? type.Key : end;
        var label = spec.FindKey("label:", nameStart, beforeType);
        var help = spec.FindKey("help:", label >= 0 ? label + "label:".Length : nameStart, beforeType);
        var afterType = type.Key >= 0 ? type.TokenEnd : nameStart;
        var @default = spec.FindKey("default:", afterType, end);
        var options = FindOptions(spec, @default >= 0 ? @default + "default:".Length : afterType, end);

        var nameEnd = First(end, label, help, type.Key, @default, options);
        var name = spec.Value(nameStart, nameEnd);
        var location = spec.Location(item.Dash, nameEnd);
        if (isCut && (options < 0 || name.Length == 0 || type.Key < 0))
        {
            return null;
        }

        if (name.Length == 0)
        {
            diagnostics.Add(Diagnose.MalformedInput(location, "an input has an empty name"));
            return null;
        }

        if (type.Key < 0)
        {
            diagnostics.Add(Diagnose.MalformedInput(location, "input '" + name + "' has no type"));
            return null;
        }

        var typeName = spec.Text.Substring(type.TokenStart, type.TokenEnd - type.TokenStart);
        var kind = InputKinds.FromTypeName(typeName);
        if (kind == InputKind.Unknown)
        {
            diagnostics.Add(Diagnose.UnknownInputType(spec.Location(type.Key, type.TokenEnd), name, typeName));
        }

        return new ToolInput(
            name,
            label >= 0 ? spec.Value(label + "label:".Length, help >= 0 ? help : beforeType) : string.Empty,
            help >= 0 ? spec.Value(help + "help:".Length, beforeType) : string.Empty,
            typeName,
            kind,
            @default >= 0 ? spec.Verbatim(@default + "default:".Length, options >= 0 ? options : end) : string.Empty,
            options >= 0 ? OptionReader.Read(spec, options + "options:".Length, end, dropLast: isCut, cancellationToken) : EquatableArray<SelectOption>.Empty,
            location);
    }

    /// <summary>Where the name of an input that may be cut ends, for the truncation message.</summary>
    private static int NameEnd(SpecText spec, int nameStart, int to)
    {
        var end = nameStart;
        end = spec.SkipSpace(end, to);
        while (end < to && !SpecText.IsSpace(spec.Text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>The first "type: word" followed by <c>default:</c>, <c>options:</c> or the end of the input.</summary>
    private static (int Key, int TokenStart, int TokenEnd) FindType(SpecText spec, int from, int to)
    {
        for (var key = spec.FindKey("type:", from, to); key >= 0; key = spec.FindKey("type:", key + 1, to))
        {
            var tokenStart = spec.SkipSpace(key + "type:".Length, to);
            var tokenEnd = tokenStart;
            while (tokenEnd < to && !SpecText.IsSpace(spec.Text[tokenEnd]))
            {
                tokenEnd++;
            }

            if (tokenEnd == tokenStart)
            {
                continue;
            }

            var next = spec.SkipSpace(tokenEnd, to);
            if (next >= to || ((spec.IsAt("default:", next, to) || spec.IsAt("options:", next, to)) && spec.IsKeyStart(next)))
            {
                return (key, tokenStart, tokenEnd);
            }
        }

        return (-1, -1, -1);
    }

    /// <summary>An <c>options:</c> key followed by "- value:" or by the end of the input (an empty list).</summary>
    private static int FindOptions(SpecText spec, int from, int to)
    {
        for (var key = spec.FindKey("options:", from, to); key >= 0; key = spec.FindKey("options:", key + 1, to))
        {
            var next = spec.SkipSpace(key + "options:".Length, to);
            if (next >= to)
            {
                return key;
            }

            if (spec.Text[next] == '-')
            {
                var value = spec.SkipSpace(next + 1, to);
                if (value > next + 1 && spec.IsAt("value:", value, to))
                {
                    return key;
                }
            }
        }

        return -1;
    }

    private static int First(int end, params int[] positions)
    {
        foreach (var position in positions)
        {
            if (position >= 0 && position < end)
            {
                end = position;
            }
        }

        return end;
    }
}
