using System.Globalization;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// Compares two versions of one tool's spec, read by the generator's own parser, and says what changed for code
/// written against the generated client: what a property, an enum member or a type name becomes.
/// </summary>
public static class SpecComparer
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in input order; empty when they agree.</summary>
    public static IReadOnlyList<SpecChange> Compare(ToolSpec before, ToolSpec after)
    {
        var changes = new List<SpecChange>();
        if (!string.Equals(before.Owner, after.Owner, StringComparison.Ordinal) || !string.Equals(before.Slug, after.Slug, StringComparison.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.EndpointChanged,
                $"endpoint changed: {before.Owner}/{before.Slug} -> {after.Owner}/{after.Slug} (generated type names follow it)", IsBreaking: true));
        }

        var old = Inputs(before);
        var now = Inputs(after);
        foreach (var input in old.Values.Where(input => !now.ContainsKey(input.Name)))
        {
            changes.Add(new SpecChange(SpecChangeKind.InputRemoved, $"input removed: {input.Name} ({input.TypeName})", IsBreaking: true));
        }

        foreach (var input in after.Inputs)
        {
            if (!old.TryGetValue(input.Name, out var was))
            {
                changes.Add(new SpecChange(SpecChangeKind.InputAdded, $"input added: {input.Name} ({input.TypeName}{DefaultText(input)})", IsBreaking: false));
                continue;
            }

            Compare(was, input, changes);
        }

        return changes;
    }

    /// <summary>
    /// The C# type an input gets, as the README's type table gives it (nullability aside): what decides whether a
    /// retyped input still compiles.
    /// </summary>
    public static string CSharpType(ToolInput input)
        => input.Kind switch
        {
            InputKind.Number => NumberType(input.Default),
            InputKind.Float or InputKind.Range => "double",
            InputKind.Select when input.Options.Count > 0 && input.Options.All(o => o.Value is "true" or "false") => "bool",
            InputKind.Select when input.Options.Count > 0 => "enum",
            InputKind.MultiSelect => "IReadOnlyList<string>",
            InputKind.CombineFileInput or InputKind.MultiFileInput => "IReadOnlyList<WiroFile>",
            InputKind.FileInput => "WiroFile",
            InputKind.Text when input.Name.Length > 3 && input.Name.EndsWith("Url", StringComparison.Ordinal) => "WiroFile",
            _ => "string",
        };

    private static void Compare(ToolInput was, ToolInput input, List<SpecChange> changes)
    {
        var (oldType, newType) = (CSharpType(was), CSharpType(input));
        if (!string.Equals(was.TypeName, input.TypeName, StringComparison.OrdinalIgnoreCase) || oldType != newType)
        {
            var breaking = oldType != newType;
            changes.Add(new SpecChange(SpecChangeKind.InputRetyped,
                $"input retyped: {input.Name} {was.TypeName} -> {input.TypeName} ({(breaking ? oldType + " -> " + newType : "still " + newType)})", breaking));
        }

        // Options only make enum members while the input stays a select; a retype already said the rest.
        if (newType == "enum" && oldType == "enum")
        {
            var oldValues = was.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
            var newValues = input.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var option in was.Options.Where(o => !newValues.Contains(o.Value)))
            {
                changes.Add(new SpecChange(SpecChangeKind.OptionRemoved, $"option removed: {input.Name} \"{option.Value}\" ({option.Label})", IsBreaking: true));
            }

            foreach (var option in input.Options.Where(o => !oldValues.Contains(o.Value)))
            {
                changes.Add(new SpecChange(SpecChangeKind.OptionAdded, $"option added: {input.Name} \"{option.Value}\" ({option.Label})", IsBreaking: false));
            }
        }

        if (!string.Equals(was.Default, input.Default, StringComparison.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.DefaultChanged, $"default changed: {input.Name} {Quote(was.Default)} -> {Quote(input.Default)}", IsBreaking: false));
        }
    }

    /// <summary>The first input of each name, as the generator keeps it (a duplicate is WIRO007 and left out).</summary>
    private static Dictionary<string, ToolInput> Inputs(ToolSpec spec)
    {
        var inputs = new Dictionary<string, ToolInput>(StringComparer.Ordinal);
        foreach (var input in spec.Inputs)
        {
            inputs.TryAdd(input.Name, input);
        }

        return inputs;
    }

    private static string NumberType(string defaultText)
    {
        var text = defaultText.Trim('"', '\'', ' ');
        if (text.Length == 0 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return "int";
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole is >= int.MinValue and <= int.MaxValue ? "int" : "long";
        }

        return "double";
    }

    private static string DefaultText(ToolInput input) => input.Default.Length == 0 ? "" : ", default " + Quote(input.Default);

    private static string Quote(string text) => text.Length == 0 ? "(empty)" : "\"" + text + "\"";
}
