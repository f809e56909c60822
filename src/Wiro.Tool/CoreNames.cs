using System.Reflection;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// Names the client core declares that generated code may not take, read from the core compiled into this tool: the
/// same source the generator reads them from, so <c>wiro update</c> plans a tool exactly as the build does.
/// </summary>
internal static class CoreNames
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>The members <c>WiroRequest</c> declares; no request property may hide one.</summary>
    public static IReadOnlyCollection<string> RequestMembers { get; } = typeof(global::Wiro.WiroRequest).GetMembers(Declared)
        .Where(member => member.MemberType is MemberTypes.Property or MemberTypes.Method or MemberTypes.Field or MemberTypes.NestedType)
        .Select(member => member.Name)
        // Accessors and backing fields (get_X, <X>k__BackingField) are the compiler's, not names in the source.
        .Where(name => Identifier.IsValid(name) && !(name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)))
        .ToHashSet(StringComparer.Ordinal);
}
