using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// One version of a tool's spec as the build will see it: the page read by the generator's own parser and the C#
/// shape the spec layer plans for it (type names, properties, enum members, wire keys).
/// </summary>
/// <param name="Spec">The page's model.</param>
/// <param name="Plan">What the generator makes of it.</param>
public sealed record ToolVersion(ToolSpec Spec, ToolPlan Plan)
{
    /// <summary>The version in a page's <paramref name="text"/>, or null when the generator would generate nothing from it.</summary>
    public static ToolVersion? Read(string path, string text)
        => SpecParser.Parse(path, text, CancellationToken.None).Spec is { } spec ? Of(spec) : null;

    /// <summary>Plans <paramref name="spec"/> exactly as the generator does (no <c>WiroTypeName</c> pinned).</summary>
    public static ToolVersion Of(ToolSpec spec)
        => new(spec, ToolPlanner.Plan(spec, typeNameOverride: null, CoreNames.RequestMembers, CancellationToken.None).Plan);
}
