using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Benchmarks.Corpus;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// A warm driver over 1,000 specs, then one edit per operation: to one spec (goal: at most 2% of a cold run, only
/// that spec's outputs regenerated) or to the user's C# (goal: every step cached, near zero). The cold run is the
/// baseline, measured in the same run. Each operation is a real edit: the texts alternate between two versions.
/// All rows leave the generated trees unparsed: Roslyn's driver hands out new lazy trees on every run, even for
/// cached outputs, so parsing them here would time Roslyn re-parsing 1,000 unchanged files, not the generator.
/// The Floor rows make the same edits with <see cref="PassThroughGenerator"/>, which hands Roslyn the same files and
/// diagnostics without doing any work: what the driver charges any generator with that many outputs.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class IncrementalGenerationBenchmarks
{
    /// <summary>With Microsoft.Extensions.AI.Abstractions referenced: every tool also gets its AI function (issue 18).</summary>
    [Params(false, true)]
    public bool AIFunctions { get; set; }

    private AdditionalText[] _texts = [];
    private CSharpCompilation _compilation = null!;
    private SpecEdit _wiroSpecEdit = null!;
    private CodeEdit _wiroCodeEdit = null!;
    private SpecEdit _floorSpecEdit = null!;
    private CodeEdit _floorCodeEdit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var specs = SpecCorpus.Load();
        _texts = GeneratorFixture.ToAdditionalTexts(specs);
        _compilation = GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]);
        if (AIFunctions)
        {
            _compilation = GeneratorFixture.WithAIFunctions(_compilation);
        }
        var edited = EditedSpecIndex(specs);

        var wiroRun = GeneratorFixture.CreateDriver(_texts).RunGenerators(_compilation);
        _wiroSpecEdit = new SpecEdit(wiroRun, _compilation, _texts[edited], specs[edited]);
        _wiroCodeEdit = new CodeEdit(GeneratorFixture.CreateDriver(_texts));

        var floor = PassThroughFloor(specs, wiroRun);
        var floorRun = GeneratorFixture.CreateDriver(floor, _texts).RunGenerators(_compilation);
        Console.WriteLine($"[floor] {GeneratorFixture.Sources(floorRun).Count} files, {floorRun.GetRunResult().Diagnostics.Length} diagnostics; " +
            $"Wiro: {GeneratorFixture.Sources(wiroRun).Count} files, {wiroRun.GetRunResult().Diagnostics.Length} diagnostics");
        _floorSpecEdit = new SpecEdit(floorRun, _compilation, _texts[edited], specs[edited]);
        _floorCodeEdit = new CodeEdit(GeneratorFixture.CreateDriver(floor, _texts));

        CorpusReport.PrintIncrementalFacts(Console.Out, specs, edited);
    }

    /// <summary>The spec every edit touches: the first derived multi-line page, a typical full-size spec.</summary>
    public static int EditedSpecIndex(IReadOnlyList<SpecFile> specs)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            if (System.IO.Path.GetFileName(specs[i].Path).StartsWith('c') && specs[i].Text.Contains('\n'))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The corpus has no multi-line derived spec.");
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdGeneration()
        => GeneratorFixture.CreateDriver(_texts).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver EditOneSpec() => _wiroSpecEdit.Next();

    [Benchmark]
    public GeneratorDriver EditUnrelatedCSharp() => _wiroCodeEdit.Next();

    [Benchmark]
    public GeneratorDriver FloorEditOneSpec() => _floorSpecEdit.Next();

    [Benchmark]
    public GeneratorDriver FloorEditUnrelatedCSharp() => _floorCodeEdit.Next();

    private static PassThroughGenerator PassThroughFloor(IReadOnlyList<SpecFile> specs, GeneratorDriver wiroRun)
    {
        var sources = GeneratorFixture.Sources(wiroRun);
        return new PassThroughGenerator(
            specs.Select(spec => spec.Path),
            sources.Where(GeneratorFixture.IsToolFile),
            sources.Where(source => !GeneratorFixture.IsToolFile(source)),
            wiroRun.GetRunResult().Diagnostics);
    }

    /// <summary>Replaces one spec with the other of two edited versions (so every run sees a different text), then runs.</summary>
    private sealed class SpecEdit(GeneratorDriver driver, Compilation compilation, AdditionalText original, SpecFile spec)
    {
        private readonly AdditionalText[] _versions =
        [
            new InMemoryAdditionalText(spec.Path, GeneratorFixture.Edit(spec.Text, 1)),
            new InMemoryAdditionalText(spec.Path, GeneratorFixture.Edit(spec.Text, 2)),
        ];

        private AdditionalText _current = original;
        private int _edits;

        public GeneratorDriver Next()
        {
            var next = _versions[_edits++ & 1];
            driver = driver.ReplaceAdditionalText(_current, next).RunGenerators(compilation);
            _current = next;
            return driver;
        }
    }

    /// <summary>
    /// Swaps the user's file between two versions, a new compilation object per edit as the compiler makes one (its
    /// references and their symbols shared), then runs.
    /// </summary>
    private sealed class CodeEdit
    {
        private readonly SyntaxTree[] _versions = GeneratorFixture.UserCode
            .Select(code => CSharpSyntaxTree.ParseText(code, GeneratorFixture.ParseOptions, path: "Program.cs"))
            .ToArray();

        private GeneratorDriver _driver;
        private CSharpCompilation _compilation;
        private int _edits;

        public CodeEdit(GeneratorDriver driver)
        {
            _compilation = GeneratorFixture.CreateCompilation(_versions[0]);
            _driver = driver.RunGenerators(_compilation);
        }

        public GeneratorDriver Next()
        {
            var current = _versions[_edits++ & 1];
            _compilation = _compilation.ReplaceSyntaxTree(current, _versions[_edits & 1]);
            _driver = _driver.RunGenerators(_compilation);
            return _driver;
        }
    }
}
