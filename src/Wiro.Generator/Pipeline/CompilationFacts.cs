using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// The little the generator needs from the compilation, reduced to booleans so it caches: whether a referenced
/// assembly already carries the client core (then it is reused, not emitted again: no CS0436), and what the
/// language allows.
/// </summary>
public sealed record CompilationFacts(bool CoreIsReferenced, bool ReferencedCoreIsPublic, bool ReferencedCoreGrantsInternals)
{
    public static CompilationFacts Read(Compilation compilation, string ns)
    {
        var metadataName = ns + ".WiroClient";
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var type = assembly.GetTypeByMetadataName(metadataName);
            if (type is not null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return new CompilationFacts(
                    CoreIsReferenced: true,
                    ReferencedCoreIsPublic: type.DeclaredAccessibility == Accessibility.Public,
                    ReferencedCoreGrantsInternals: assembly.GivesAccessTo(compilation.Assembly));
            }
        }

        return new CompilationFacts(false, false, false);
    }

    /// <summary>Extension properties arrived in C# 14.</summary>
    public static bool SupportsExtensionProperties(ParseOptions options)
        => options is CSharpParseOptions csharp && (int)csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() >= 1400;
}
