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
/// All three leave the generated trees unparsed: Roslyn's driver hands out new lazy trees on every run, even for
/// cached outputs, so parsing them here would time Roslyn re-parsing 2,000 unchanged files, not the generator.
/// </summary>
[MemoryDiagnoser]
public class IncrementalGenerationBenchmarks
{
    private AdditionalText[] _texts = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _specDriver = null!;
    private AdditionalText[] _specVersions = [];
    private AdditionalText _currentSpec = null!;
    private int _specEdits;
    private GeneratorDriver _codeDriver = null!;
    private CSharpCompilation _codeCompilation = null!;
    private SyntaxTree[] _codeVersions = [];
    private int _codeEdits;

    [GlobalSetup]
    public void Setup()
    {
        var specs = SpecCorpus.Load();
        _texts = GeneratorFixture.ToAdditionalTexts(specs);
        _compilation = GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]);

        var edited = EditedSpecIndex(specs);
        _specVersions =
        [
            new InMemoryAdditionalText(specs[edited].Path, GeneratorFixture.Edit(specs[edited].Text, 1)),
            new InMemoryAdditionalText(specs[edited].Path, GeneratorFixture.Edit(specs[edited].Text, 2)),
        ];
        _currentSpec = _texts[edited];
        _specDriver = GeneratorFixture.CreateDriver(_texts).RunGenerators(_compilation);

        _codeVersions = GeneratorFixture.UserCode
            .Select(code => CSharpSyntaxTree.ParseText(code, GeneratorFixture.ParseOptions, path: "Program.cs"))
            .ToArray();
        _codeCompilation = GeneratorFixture.CreateCompilation(_codeVersions[0]);
        _codeDriver = GeneratorFixture.CreateDriver(_texts).RunGenerators(_codeCompilation);

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
    public GeneratorDriver EditOneSpec()
    {
        // Two edited versions alternate, so every operation replaces the spec with different text.
        var next = _specVersions[_specEdits++ & 1];
        _specDriver = _specDriver.ReplaceAdditionalText(_currentSpec, next).RunGenerators(_compilation);
        _currentSpec = next;
        return _specDriver;
    }

    [Benchmark]
    public GeneratorDriver EditUnrelatedCSharp()
    {
        // A new compilation object per edit, as the compiler makes one; its references (and their symbols) are shared.
        var current = _codeVersions[_codeEdits & 1];
        _codeEdits++;
        _codeCompilation = _codeCompilation.ReplaceSyntaxTree(current, _codeVersions[_codeEdits & 1]);
        _codeDriver = _codeDriver.RunGenerators(_codeCompilation);
        return _codeDriver;
    }
}
