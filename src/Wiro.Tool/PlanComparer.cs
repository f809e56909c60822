using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// Says what changed from one version of a tool to the next for code written against the generated client, by
/// comparing the two plans the generator would make: a change is breaking exactly when a name that code can use
/// (a type, a property, an enum member) disappears or a property's C# type changes.
/// </summary>
public static class PlanComparer
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in property order; empty when they agree.</summary>
    public static IReadOnlyList<SpecChange> Compare(ToolVersion before, ToolVersion after)
    {
        var changes = new List<SpecChange>();
        var (old, now) = (before.Plan, after.Plan);
        if (!string.Equals(old.Owner, now.Owner, StringComparison.Ordinal) || !string.Equals(old.Slug, now.Slug, StringComparison.Ordinal))
        {
            var renamed = old.Names.Stem != now.Names.Stem;
            changes.Add(new SpecChange(SpecChangeKind.EndpointChanged,
                $"endpoint changed: {old.Owner}/{old.Slug} -> {now.Owner}/{now.Slug} "
                + (renamed ? $"(generated names follow it: {old.Names.Stem} -> {now.Names.Stem})" : $"(generated names stay {now.Names.Stem})"),
                IsBreaking: renamed));
        }

        var newProperties = now.Properties.ToDictionary(property => property.Name, StringComparer.Ordinal);
        foreach (var property in old.Properties)
        {
            if (newProperties.TryGetValue(property.Name, out var kept))
            {
                CompareProperty(before, property, after, kept, changes);
            }
            else
            {
                changes.Add(new SpecChange(SpecChangeKind.InputRemoved, $"input removed: {property.InputName} ({property.Docs.SpecType})", IsBreaking: true));
            }
        }

        var oldNames = old.Properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in now.Properties.Where(property => !oldNames.Contains(property.Name)))
        {
            var defaultText = property.Docs.SpecDefault.Length == 0 ? "" : ", default " + Quote(property.Docs.SpecDefault);
            changes.Add(new SpecChange(SpecChangeKind.InputAdded, $"input added: {property.InputName} ({property.Docs.SpecType}{defaultText})", IsBreaking: false));
        }

        return changes;
    }

    /// <summary>
    /// The C# type of a property as code written against it sees it. Nullability counts for value types only: a
    /// <c>string</c> that becomes <c>string?</c> gives a warning in user code, an <c>int</c> that becomes <c>int?</c> an error.
    /// </summary>
    public static string TypeOf(ToolPlan plan, PropertyPlan property)
    {
        var (name, isValueType) = property.Shape switch
        {
            ValueShape.Int32 => ("int", true),
            ValueShape.Int64 => ("long", true),
            ValueShape.Double => ("double", true),
            ValueShape.Boolean => ("bool", true),
            ValueShape.Enum => (plan.Names.Enums[property.EnumIndex], true),
            ValueShape.StringList => ("IReadOnlyList<string>", false),
            ValueShape.File => ("WiroFile", false),
            ValueShape.FileList => ("IReadOnlyList<WiroFile>", false),
            _ => ("string", false),
        };
        return isValueType && property.IsNullable ? name + "?" : name;
    }

    private static void CompareProperty(ToolVersion before, PropertyPlan was, ToolVersion after, PropertyPlan property, List<SpecChange> changes)
    {
        var (oldType, newType) = (TypeOf(before.Plan, was), TypeOf(after.Plan, property));
        var retyped = oldType != newType;
        if (retyped || !string.Equals(was.Docs.SpecType, property.Docs.SpecType, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add(new SpecChange(SpecChangeKind.InputRetyped,
                $"input retyped: {property.InputName} {was.Docs.SpecType} -> {property.Docs.SpecType} ({(retyped ? oldType + " -> " + newType : "still " + newType)})",
                retyped));
        }

        if (was.WireName != property.WireName || was.FilePartName != property.FilePartName)
        {
            changes.Add(new SpecChange(SpecChangeKind.WireKeyChanged,
                $"wire key changed: {property.Name} {Keys(was)} -> {Keys(property)} (code compiles; Wiro receives it under the new key)", IsBreaking: false));
        }

        // Members only matter while the property keeps its enum; a retype already said the rest.
        if (was.Shape == ValueShape.Enum && property.Shape == ValueShape.Enum && !retyped)
        {
            CompareMembers(before.Plan.Enums[was.EnumIndex], after.Plan.Enums[property.EnumIndex], changes);
        }

        if (!string.Equals(was.Docs.SpecDefault, property.Docs.SpecDefault, StringComparison.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.DefaultChanged,
                $"default changed: {property.InputName} {Quote(was.Docs.SpecDefault)} -> {Quote(property.Docs.SpecDefault)}", IsBreaking: false));
        }
    }

    /// <summary>Options by wire value, judged by the member names code uses: an option is breaking when its member is gone.</summary>
    private static void CompareMembers(EnumPlan old, EnumPlan now, List<SpecChange> changes)
    {
        var newByValue = now.Members.GroupBy(member => member.WireValue, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var oldValues = old.Members.Select(member => member.WireValue).ToHashSet(StringComparer.Ordinal);
        var newNames = now.Members.Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var member in old.Members)
        {
            if (!newByValue.TryGetValue(member.WireValue, out var kept))
            {
                changes.Add(new SpecChange(SpecChangeKind.OptionRemoved,
                    $"option removed: {old.InputName} \"{member.WireValue}\" ({member.Name})", IsBreaking: !newNames.Contains(member.Name)));
            }
            else if (kept.Name != member.Name)
            {
                changes.Add(new SpecChange(SpecChangeKind.OptionRenamed,
                    $"option renamed: {old.InputName} \"{member.WireValue}\" enum member {member.Name} -> {kept.Name}", IsBreaking: !newNames.Contains(member.Name)));
            }
        }

        foreach (var member in now.Members.Where(member => !oldValues.Contains(member.WireValue)))
        {
            changes.Add(new SpecChange(SpecChangeKind.OptionAdded, $"option added: {now.InputName} \"{member.WireValue}\" ({member.Name})", IsBreaking: false));
        }
    }

    private static string Keys(PropertyPlan property) => property.FilePartName is { } part ? property.WireName + " (file part " + part + ")" : property.WireName;

    private static string Quote(string text) => text.Length == 0 ? "(empty)" : "\"" + text + "\"";
}
