using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Tool.Tests.Compatibility;

/// <summary>
/// Writes a program that uses every member one generated tool declares, with its exact types: each property read
/// into a variable of its type and written back, each enum member, each method called, each type named. Compiled
/// against another version's generated code, it fails exactly where code written against this version would.
/// </summary>
internal static class UsageProgram
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The usage of every type declared in the tool files (hint names <c>Wiro.Tools.*</c>) of <paramref name="compilation"/>.</summary>
    public static SyntaxTree For(Compilation compilation)
    {
        var toolTrees = compilation.SyntaxTrees.Where(tree => Path.GetFileName(tree.FilePath).StartsWith("Wiro.Tools.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toolTrees);
        var types = toolTrees
            .SelectMany(tree => compilation.GetSemanticModel(tree).GetDeclaredSymbolsOf(tree))
            .Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>()
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();

        var instances = types.Where(type => !type.IsStatic && type.TypeKind == TypeKind.Class).ToList();
        var body = new StringBuilder();
        var parameters = string.Join(", ", instances.Select((type, i) => Name(type) + " p" + i));
        foreach (var type in types)
        {
            var receiver = instances.IndexOf(type) is var index and >= 0 ? "p" + index : Name(type);
            foreach (var member in type.GetMembers().Where(member => IsUsable(member, toolTrees)))
            {
                body.Append("        ").Append(Use(type, member, member.IsStatic ? Name(type) : receiver)).Append('\n');
            }
        }

        var source = $$"""
            namespace Usage;

            internal static class Uses
            {
                public static void All({{parameters}})
                {
            {{body}}    }
            }
            """;
        return CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Usage.cs");
    }

    /// <summary>The errors of <paramref name="compilation"/> with <paramref name="usage"/> added.</summary>
    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation, SyntaxTree usage)
        => compilation.AddSyntaxTrees(usage).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    private static IEnumerable<ISymbol> GetDeclaredSymbolsOf(this SemanticModel model, SyntaxTree tree)
        => tree.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
            .Select(node => model.GetDeclaredSymbol(node))
            .OfType<INamedTypeSymbol>()
            .Where(type => type.DeclaredAccessibility == Accessibility.Public && type.ContainingType is null);

    /// <summary>A public member this tool's files declare (the rest of a partial <c>WiroClient</c> is the core's, the same in both).</summary>
    private static bool IsUsable(ISymbol member, List<SyntaxTree> toolTrees)
        => member.DeclaredAccessibility == Accessibility.Public && !member.IsImplicitlyDeclared
           && member.DeclaringSyntaxReferences.Any(reference => toolTrees.Contains(reference.SyntaxTree))
           && member is IFieldSymbol or IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor };

    private static string Use(INamedTypeSymbol type, ISymbol member, string receiver)
    {
        switch (member)
        {
            case IFieldSymbol field when type.TypeKind == TypeKind.Enum:
                return $"_ = {Name(type)}.{field.Name};";
            case IFieldSymbol field:
                return $"{{ {Name(field.Type)} v = {receiver}.{field.Name}; }}";
            case IPropertySymbol property:
                var read = $"{Name(property.Type)} v = {receiver}.{property.Name};";
                var write = property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false } ? $" {receiver}.{property.Name} = v;" : "";
                return "{ " + read + write + " }";
            case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                return $"_ = new {Name(type)}({Arguments(constructor)});";
            case IMethodSymbol method:
                var call = $"{receiver}.{method.Name}({Arguments(method)})";
                return method.ReturnsVoid ? call + ";" : $"{{ {Name(method.ReturnType)} r = {call}; }}";
            default:
                throw new InvalidOperationException(member.ToString());
        }
    }

    private static string Arguments(IMethodSymbol method)
        => string.Join(", ", method.Parameters.Select(parameter => $"default({Name(parameter.Type)})!"));

    private static string Name(ITypeSymbol type) => type.ToDisplayString(TypeFormat);
}
