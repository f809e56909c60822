using CsCheck;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Corpus.Tests;

/// <summary>
/// Real pages, damaged at random (cut, a range removed, text inserted, markdown bombs and broken text inserted): the
/// generator never fails (no WIRO012, no exception) and whatever it generates still compiles without a warning.
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Pages = GenerationTests.AllPages
        .Select(p => File.ReadAllText(Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1])))
        .ToArray();

    private static readonly string[] Fragments =
        [" - name: x ", " type: ", " default: ", " options: ", "\"", "## Tool Inputs: ", "\n", " - value: \"", "*/", "</summary>"];

    private static readonly Gen<string> Inserted = Gen.OneOf(
        Gen.String[0, 20],
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]));

    private static readonly Gen<string> Mutated =
        from page in Gen.Int[0, Pages.Length - 1].Select(i => Pages[i])
        from kind in Gen.Int[0, 2]
        from a in Gen.Int[0, page.Length]
        from b in Gen.Int[0, page.Length]
        from text in Inserted
        select kind switch
        {
            0 => page[..a],
            1 => page[..Math.Min(a, b)] + page[Math.Max(a, b)..],
            _ => page[..a] + text + page[a..],
        };

    /// <summary>Markup that a markdown parser nests, backtracks over or limits, and characters that hide or reorder text.</summary>
    private static readonly Gen<string> Hazard = Gen.OneOf(
        Gen.Int[1, 300].Select(n => new string('>', n)),
        Gen.Int[1, 300].Select(n => "\n" + string.Concat(Enumerable.Repeat("> ", n))),
        Gen.Int[1, 20_000].Select(n => string.Concat(Enumerable.Repeat("*a _", n))),
        Gen.Int[1, 50_000].Select(n => string.Concat(Enumerable.Repeat("[a](", n))),
        Gen.Int[1, 2_000].Select(n => string.Concat(Enumerable.Repeat("```", n))),
        Gen.Int[1, 64].Select(n => new string('#', n) + " Markdown Headings here"),
        Gen.Const("## Task Status Information "), Gen.Const("## Model Inputs: "), Gen.Const("~~~ "),
        Gen.Const("\uD800"), Gen.Const("\uFFFD\uFFFE"), Gen.Const("\0"), Gen.Const("\uFEFF"),
        Gen.Const("\u202E\u2066\u200B\u2069"), Gen.Const("\t\v\f"));

    private static readonly Gen<string> WithHazards =
        from page in Gen.Int[0, Pages.Length - 1].Select(i => Pages[i])
        from edits in Gen.Select(Gen.Double[0, 1], Hazard).Array[1, 4]
        select edits.Aggregate(page, (text, edit) => text.Insert((int)(edit.Item1 * text.Length), edit.Item2));

    [Fact]
    public void Real_pages_with_markdown_bombs_and_broken_text_never_break_the_generator_or_the_build()
    {
        WithHazards.Sample(text =>
        {
            var run = GeneratorHarness.Run([new SpecInput("/specs/hazard.wiro.md", text)]);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("WIRO", d.Id));
            Assert.Empty(run.CompilerProblems);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Damaged_real_pages_never_break_the_generator_or_the_build()
    {
        Mutated.Sample(text =>
        {
            var run = GeneratorHarness.Run([new SpecInput("/specs/mutated.wiro.md", text)]);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("WIRO", d.Id));
            Assert.Empty(run.CompilerProblems);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Damaged_real_pages_with_the_AI_abstractions_give_adapters_that_still_compile()
    {
        // Labels and values a damaged page leaves in a select (a voice, a model, a size) reach the adapters' descriptors.
        var withAI = GeneratorHarness.CreateCompilation("namespace App { internal class A { } }")
            .AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location));
        Mutated.Sample(text =>
        {
            var run = GeneratorHarness.Run([new SpecInput("/specs/mutated.wiro.md", text)], compilation: withAI);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.Empty(run.CompilerProblems);
        }, iter: 25, threads: 1);
    }
}
