using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Corpus.Tests;

/// <summary>
/// Every real page generates code that compiles with nullable enabled and XML docs required, with no CS warning;
/// WIRO warnings appear only for the damaged (truncated) excerpts, each at its file and a line inside it.
/// </summary>
public sealed class GenerationTests
{
    private static readonly Dictionary<string, string> SpecMetadata = new() { ["WiroSpec"] = "true" };

    public static IEnumerable<object[]> AllPages => Corpus.Pages.Select(p => new object[] { "pages", p[0] })
        .Concat(Corpus.Seeds.Select(p => new object[] { "seed", p[0] }))
        .Concat(Corpus.Excerpts.Select(p => new object[] { "excerpts", p[0] }));

    [Theory]
    [MemberData(nameof(AllPages))]
    public void Page_generates_code_that_compiles_without_warnings(string folder, string name)
    {
        var path = Path.Combine(Corpus.SpecsRoot, folder, name);
        var run = GeneratorHarness.Run([new SpecInput(path, File.ReadAllText(path), SpecMetadata)]);

        Assert.Empty(run.CompilerProblems);
        Assert.Single(ToolFiles(run.Sources.Keys));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (folder != "excerpts")
        {
            Assert.Empty(run.GeneratorDiagnostics);
        }

        var lineCount = File.ReadAllText(path).Split('\n').Length;
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.StartsWith("WIRO", d.Id);
            var span = d.Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.InRange(span.StartLinePosition.Line, 0, lineCount - 1);
        });
    }

    [Fact]
    public void All_pages_together_generate_one_compiling_project()
    {
        var specs = AllPages
            .Select(p => Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1]))
            .Select(path => new SpecInput(path, File.ReadAllText(path), SpecMetadata))
            .ToList();

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // One file per spec, and the core once whatever the number of specs.
        var toolFiles = ToolFiles(run.Sources.Keys).ToList();
        Assert.True(specs.Count == toolFiles.Count, string.Join("\n", toolFiles));
        Assert.Equal(
            GeneratorHarness.Run([specs[0]]).Sources.Keys.Count(key => key.StartsWith("Wiro.Core.", StringComparison.Ordinal)),
            run.Sources.Keys.Count(key => key.StartsWith("Wiro.Core.", StringComparison.Ordinal)));
    }

    /// <summary>The per-spec files.</summary>
    private static IEnumerable<string> ToolFiles(IEnumerable<string> hintNames)
        => hintNames.Where(key => key.StartsWith("Wiro.Tools.", StringComparison.Ordinal));
}
