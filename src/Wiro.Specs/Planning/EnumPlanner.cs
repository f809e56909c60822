using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Wiro.Specs;

/// <summary>
/// Names the members of a select's enum. Labels are used when every label makes a distinct name that starts with a
/// letter (<c>Rachel</c> for a voice id, <c>LightBlueGradients</c> for <c>#A6E1F9,#4BC7CE</c>); otherwise names come
/// from the values (<c>16:9</c> → <c>Ratio16x9</c>, <c>5</c> → <c>Value5</c>, <c>""</c> → <c>Empty</c>).
/// </summary>
internal static class EnumPlanner
{
    private static readonly Regex Ratio = new(@"^(\d+):(\d+)$", RegexOptions.CultureInvariant);

    public static EnumPlan Plan(ToolInput input)
    {
        var useLabels = LabelsMakeGoodNames(input.Options);
        var names = new UniqueNames("value__");
        var members = new List<EnumMemberPlan>(input.Options.Count);
        foreach (var option in input.Options)
        {
            var name = names.Claim(useLabels ? Identifier.ToPascalCase(option.Label) : FromValue(option));
            members.Add(new EnumMemberPlan(name, option.Value, MemberSummary(option)));
        }

        var summary = (input.Label.Length > 0 ? input.Label : input.Name) + " (the choices of \u201c" + input.Name + "\u201d).";
        return new EnumPlan(input.Name, summary, members.ToEquatableArray());
    }

    /// <summary>The member the spec default selects: by exact value, then ignoring case, then by label.</summary>
    public static EnumMemberPlan? FindDefault(ToolInput input, EnumPlan plan)
    {
        var text = InputShapes.Unquote(input.Default);
        if (text.Length == 0 && !HasEmptyValue(input))
        {
            return null;
        }

        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            for (var i = 0; i < input.Options.Count; i++)
            {
                if (string.Equals(input.Options[i].Value, text, comparison))
                {
                    return plan.Members[i];
                }
            }
        }

        for (var i = 0; i < input.Options.Count; i++)
        {
            if (string.Equals(input.Options[i].Label, text, StringComparison.OrdinalIgnoreCase))
            {
                return plan.Members[i];
            }
        }

        return null;
    }

    private static bool HasEmptyValue(ToolInput input)
    {
        foreach (var option in input.Options)
        {
            if (option.Value.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LabelsMakeGoodNames(EquatableArray<SelectOption> options)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
        {
            var name = Identifier.ToPascalCase(option.Label);
            if (name.Length == 0 || !char.IsLetter(name[0]) || !seen.Add(name))
            {
                return false;
            }
        }

        return true;
    }

    private static string FromValue(SelectOption option)
    {
        if (option.Value.Length == 0)
        {
            var fromLabel = Identifier.ToPascalCase(option.Label);
            return fromLabel.Length > 0 && char.IsLetter(fromLabel[0]) ? fromLabel : "Empty";
        }

        var ratio = Ratio.Match(option.Value);
        if (ratio.Success)
        {
            return "Ratio" + ratio.Groups[1].Value + "x" + ratio.Groups[2].Value;
        }

        return Identifier.Sanitize(Identifier.ToPascalCase(option.Value), "Value", "Option");
    }

    private static string MemberSummary(SelectOption option)
    {
        var summary = "\u201c" + option.Value + "\u201d" + (option.Label.Length > 0 && option.Label != option.Value ? ": " + option.Label : "");
        foreach (var extra in option.Extras)
        {
            if (extra.Key == "description" && extra.Value.Length > 0)
            {
                summary += ". " + extra.Value;
            }
        }

        return summary;
    }
}
