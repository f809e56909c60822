using BenchmarkDotNet.Attributes;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Benchmarks.Corpus;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// Generation of all 1,000 specs with a new driver each time (what a cold compile does), against the floor: Markdig
/// parsing the same pages plus Roslyn parsing the C# the generator writes for them. Goal: at most 3x the floor.
/// Figures are per spec (OperationsPerInvoke), allocations included. Named Cold*Benchmarks so a filter on
/// "*ColdGeneration*" does not also pick the incremental class's cold baseline.
/// </summary>
[MemoryDiagnoser]
public class ColdCorpusBenchmarks
{
    /// <summary>With Microsoft.Extensions.AI.Abstractions referenced: every tool also gets its AI function (issue 18).</summary>
    [Params(false, true)]
    public bool AIFunctions { get; set; }

    private IReadOnlyList<SpecFile> _specs = [];
    private AdditionalText[] _texts = [];
    private string[] _generatedSources = [];
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _specs = SpecCorpus.Load();
        _texts = GeneratorFixture.ToAdditionalTexts(_specs);
        _compilation = GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]);
        if (AIFunctions)
        {
            _compilation = GeneratorFixture.WithAIFunctions(_compilation);
        }

        var driver = GeneratorFixture.CreateDriver(_texts).RunGenerators(_compilation);
        _generatedSources = GeneratorFixture.Sources(driver).Select(source => source.SourceText.ToString()).ToArray();
        CorpusReport.PrintGenerationFacts(Console.Out, _specs, driver);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SpecCorpus.Count)]
    public int MarkdigPlusRoslynParseFloor()
    {
        var blocks = 0;
        foreach (var spec in _specs)
        {
            blocks += Markdown.Parse(spec.Text).Count;
        }

        foreach (var source in _generatedSources)
        {
            blocks += CSharpSyntaxTree.ParseText(source, GeneratorFixture.ParseOptions).GetRoot().ChildNodes().Count();
        }

        return blocks;
    }

    /// <summary>What a cold compile pays: the generator, then the parse of what it wrote.</summary>
    [Benchmark(OperationsPerInvoke = SpecCorpus.Count)]
    public GeneratorDriver ColdGeneration()
        => GeneratorFixture.RunAndParse(GeneratorFixture.CreateDriver(_texts), _compilation);

    /// <summary>The generator alone: the driver leaves its trees unparsed until someone asks.</summary>
    [Benchmark(OperationsPerInvoke = SpecCorpus.Count)]
    public GeneratorDriver ColdGenerationUnparsed()
        => GeneratorFixture.CreateDriver(_texts).RunGenerators(_compilation);
}
