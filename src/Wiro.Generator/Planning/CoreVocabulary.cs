using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wiro.Generator.Planning;

/// <summary>
/// The names the client core's own sources use, read from those sources (not kept by hand), so that nothing a spec
/// or an option creates can hide one of them. A <c>WiroClient</c> property named <c>Task</c> would hide
/// <c>System.Threading.Tasks.Task</c> inside every <c>WiroClient</c> member; a type named <c>CancellationToken</c> in
/// the core's namespace would hide the BCL's for the whole core; a namespace <c>Acme.System</c> would capture every
/// <c>System.</c> the core writes.
/// </summary>
internal static class CoreVocabulary
{
    private static readonly Lazy<Vocabulary> Words = new(Read);

    /// <summary>True when the core's sources use <paramref name="name"/> as an identifier anywhere (case-sensitive, as C# is).</summary>
    public static bool Uses(string name) => Words.Value.Identifiers.Contains(name);

    /// <summary>
    /// True when a namespace the core imports starts with <paramref name="name"/> (<c>System</c> in
    /// <c>using System.Text;</c>): inside a namespace <c>Acme.System</c> that directive, and every <c>System.</c> the
    /// core writes, would mean <c>Acme.System</c>. A type the core names first in a dotted name (<c>Task.Delay</c>)
    /// is no such hazard: the core's own using directives find it before the enclosing namespace.
    /// </summary>
    public static bool QualifiesWith(string name) => Words.Value.QualifierRoots.Contains(name);

    /// <summary>The names of the members the core declares in type <paramref name="typeName"/>.</summary>
    public static IReadOnlyCollection<string> MembersOf(string typeName)
        => Words.Value.Members.TryGetValue(typeName, out var members) ? members : (IReadOnlyCollection<string>)Array.Empty<string>();

    private static Vocabulary Read()
    {
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        // The AI parts count whether or not this compilation gets them: a tool's names do not move with a reference.
        foreach (var (_, text) in CoreSources.Read().Concat(CoreSources.ReadAI()).Concat(CoreSources.ReadImages())
            .Concat(CoreSources.ReadSpeechToText()).Concat(CoreSources.ReadTextToSpeech()))
        {
            var unit = SyntaxFactory.ParseCompilationUnit(text);
            foreach (var token in unit.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    identifiers.Add(token.ValueText);
                }
            }

            foreach (var directive in unit.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                if (directive.Name?.DescendantTokens().FirstOrDefault() is { } root && root.IsKind(SyntaxKind.IdentifierToken))
                {
                    roots.Add(root.ValueText);
                }
            }

            CollectMembers(unit, members);
        }

        return new Vocabulary(identifiers, roots, members);
    }

    private static void CollectMembers(CompilationUnitSyntax unit, Dictionary<string, HashSet<string>> members)
    {
        foreach (var type in unit.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            if (!members.TryGetValue(type.Identifier.ValueText, out var names))
            {
                members.Add(type.Identifier.ValueText, names = new HashSet<string>(StringComparer.Ordinal));
            }

            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            names.Add(variable.Identifier.ValueText);
                        }

                        break;
                    case BaseTypeDeclarationSyntax nested:
                        names.Add(nested.Identifier.ValueText);
                        break;
                }
            }
        }
    }

    private sealed record Vocabulary(HashSet<string> Identifiers, HashSet<string> QualifierRoots, Dictionary<string, HashSet<string>> Members);
}
