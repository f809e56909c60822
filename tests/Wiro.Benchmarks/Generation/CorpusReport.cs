using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Benchmarks.Corpus;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// Facts about the corpus that are counted, not timed: generated lines per spec, the core emitted once, and which
/// pipeline steps an edit re-runs. Printed once from the benchmarks' setup, and by `dotnet run ... -- report`.
/// </summary>
public static class CorpusReport
{
    private static readonly string[] Steps =
    [
        TrackingNames.SpecSource, TrackingNames.Tool, TrackingNames.Summary, TrackingNames.Claims, TrackingNames.Statuses,
        TrackingNames.EmitContext, TrackingNames.ToolOutput,
    ];

    public static void Print(TextWriter writer)
    {
        var specs = SpecCorpus.Load();
        var compilation = GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]);
        var driver = GeneratorFixture.CreateDriver(GeneratorFixture.ToAdditionalTexts(specs)).RunGenerators(compilation);
        PrintGenerationFacts(writer, specs, driver);
        PrintIncrementalFacts(writer, specs, IncrementalGenerationBenchmarks.EditedSpecIndex(specs));
    }

    public static void PrintGenerationFacts(TextWriter writer, IReadOnlyList<SpecFile> specs, GeneratorDriver driver)
    {
        var sources = GeneratorFixture.Sources(driver);
        var core = sources.Where(GeneratorFixture.IsCore).ToList();
        var perSpec = sources.Where(GeneratorFixture.IsToolFile).ToList();
        var diagnostics = driver.GetRunResult().Diagnostics;

        writer.WriteLine($"[corpus] {specs.Count} specs, {specs.Sum(spec => spec.Text.Length):N0} chars; generated {sources.Count} files, {sources.Sum(source => Lines(source)):N0} lines");
        writer.WriteLine($"[corpus] per-spec files: {perSpec.Count}, {perSpec.Sum(Lines):N0} lines = {perSpec.Sum(Lines) / (double)specs.Count:F1} lines per spec, {perSpec.Sum(source => source.SourceText.Length) / (double)specs.Count:F0} chars per spec");
        writer.WriteLine($"[corpus] core files: {core.Count}, {core.Sum(Lines):N0} lines (emitted once per compilation)");
        writer.WriteLine("[corpus] generator diagnostics: " + (diagnostics.IsEmpty
            ? "none"
            : string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))));

        // The core must not grow with the number of specs: compare with a compilation that has one spec.
        var single = GeneratorFixture.CreateDriver(GeneratorFixture.ToAdditionalTexts(specs.Take(1)))
            .RunGenerators(GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]));
        var singleCore = GeneratorFixture.Sources(single).Where(GeneratorFixture.IsCore).ToList();
        var same = singleCore.Count == core.Count && singleCore.Sum(Lines) == core.Sum(Lines);
        writer.WriteLine($"[corpus] core with 1 spec: {singleCore.Count} files, {singleCore.Sum(Lines):N0} lines -> {(same ? "same as with all specs" : "DIFFERENT from all specs")}");
    }

    public static void PrintIncrementalFacts(TextWriter writer, IReadOnlyList<SpecFile> specs, int editedIndex)
    {
        var texts = GeneratorFixture.ToAdditionalTexts(specs);
        var tree = CSharpSyntaxTree.ParseText(GeneratorFixture.UserCode[0], GeneratorFixture.ParseOptions, path: "Program.cs");
        var compilation = GeneratorFixture.CreateCompilation(tree);
        var driver = GeneratorFixture.CreateDriver(texts, trackSteps: true).RunGenerators(compilation);
        var before = SourceTexts(driver);

        var edited = new InMemoryAdditionalText(specs[editedIndex].Path, GeneratorFixture.Edit(specs[editedIndex].Text, 1));
        var afterEdit = driver.ReplaceAdditionalText(texts[editedIndex], edited).RunGenerators(compilation);
        writer.WriteLine($"[edit one spec] {Path.GetFileName(specs[editedIndex].Path)}");
        WriteReasons(writer, "[edit one spec]", afterEdit);
        var changed = SourceTexts(afterEdit).Where(pair => !before.TryGetValue(pair.Key, out var old) || old != pair.Value).Select(pair => pair.Key).ToList();
        writer.WriteLine($"[edit one spec] sources whose text changed: {changed.Count} ({string.Join(", ", changed)})");

        var otherTree = CSharpSyntaxTree.ParseText(GeneratorFixture.UserCode[1], GeneratorFixture.ParseOptions, path: "Program.cs");
        var afterCode = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, otherTree));
        WriteReasons(writer, "[edit C#]", afterCode);
    }

    private static void WriteReasons(TextWriter writer, string prefix, GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results[0];
        foreach (var step in Steps)
        {
            writer.WriteLine($"{prefix} step {step}: {Reasons(result.TrackedSteps.GetValueOrDefault(step))}");
        }

        foreach (var (name, runs) in result.TrackedOutputSteps)
        {
            writer.WriteLine($"{prefix} output {name}: {Reasons(runs)}");
        }
    }

    private static string Reasons(System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep> runs)
        => runs.IsDefaultOrEmpty
            ? "not run"
            : string.Join(", ", runs.SelectMany(run => run.Outputs).GroupBy(output => output.Reason).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count()}"));

    private static Dictionary<string, string> SourceTexts(GeneratorDriver driver)
        => GeneratorFixture.Sources(driver).ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    private static int Lines(GeneratedSourceResult source)
    {
        var text = source.SourceText;
        return text.Lines.Count;
    }
}
