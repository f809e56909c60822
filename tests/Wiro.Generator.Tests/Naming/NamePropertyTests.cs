using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Naming;

/// <summary>
/// Property: tool slugs and input names drawn from every identifier the emitted core uses, and from the names of the
/// BCL types and namespaces it refers to, always generate code that compiles. The vocabulary is read here from the
/// emitted core with Roslyn's semantic model, independently of how the generator reads it.
/// </summary>
public sealed class NamePropertyTests
{
    private static readonly Lazy<string[]> Vocabulary = new(ReadVocabulary);

    [Fact]
    public void Names_drawn_from_the_core_and_the_bcl_never_break_the_build()
    {
        var words = Vocabulary.Value;
        Assert.Contains("CancellationTokenSource", words);
        Assert.Contains("Interlocked", words);

        var word = Gen.Int[0, words.Length - 1].Select(i => words[i]);
        var name = Gen.Select(word, Gen.Int[0, 2]).Select(pair => pair.Item2 switch
        {
            0 => pair.Item1,
            1 => char.ToLowerInvariant(pair.Item1[0]) + pair.Item1[1..],
            _ => pair.Item1 + "Url",
        });
        var tool = Gen.Select(name, name.Array[1, 5], Gen.Int[0, 3]);

        tool.Array[2, 5].Sample(tools =>
        {
            var specs = tools.Select((t, i) => new SpecInput($"/specs/p{i}.wiro.md", Spec(t.Item1, t.Item2, t.Item3))).ToList();

            var run = GeneratorHarness.Run(specs);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.Empty(run.CompilerProblems);
        }, iter: 30, threads: 1);
    }

    private static string Spec(string slug, string[] inputs, int owner)
    {
        var builder = new SpecBuilder(owner % 2 == 0 ? "acme" : "other", slug);
        for (var i = 0; i < inputs.Length; i++)
        {
            _ = (i % 4) switch
            {
                0 => builder.Input(inputs[i], "select", "a", options: [("a", "A"), ("b", "B")]),
                1 => builder.Input(inputs[i], "text", "https://example.com/x.png"),
                2 => builder.Input(inputs[i], "number", ""),
                _ => builder.Input(inputs[i], "fileinput"),
            };
        }

        return builder.Build();
    }

    private static string[] ReadVocabulary()
    {
        var run = GeneratorHarness.Run([]);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in run.OutputCompilation.SyntaxTrees)
        {
            var model = run.OutputCompilation.GetSemanticModel(tree);
            foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)))
            {
                words.Add(token.ValueText);
            }

            foreach (var node in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                for (var symbol = model.GetSymbolInfo(node).Symbol; symbol is not null; symbol = symbol.ContainingSymbol)
                {
                    if (symbol is INamespaceOrTypeSymbol { Name.Length: > 0 } named && named.Name.All(char.IsAsciiLetterOrDigit))
                    {
                        words.Add(named.Name);
                    }

                    if (symbol is INamespaceSymbol { IsGlobalNamespace: true })
                    {
                        break;
                    }
                }
            }
        }

        words.RemoveWhere(w => w.Length == 0 || !char.IsAsciiLetter(w[0]));
        return words.Order(StringComparer.Ordinal).ToArray();
    }
}
