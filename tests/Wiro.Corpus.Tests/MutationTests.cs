using CsCheck;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Corpus.Tests;

/// <summary>
/// Real pages, damaged at random (cut, a range removed, text inserted): the generator never fails (no WIRO012, no
/// exception) and whatever it generates still compiles without a warning.
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
}
