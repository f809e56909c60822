using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Pipeline;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>A spec handed to the generator: its path, text and per-file metadata (e.g. WiroTypeName).</summary>
public sealed record SpecInput(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What one generator run produced, and what the compiler then said about the whole compilation.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>Compiler diagnostics of warning or error severity, generator diagnostics excluded.</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems =>
        OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
}

/// <summary>
/// Runs <see cref="WiroGenerator"/> in process over in-memory specs and compiles the result against .NET 10
/// reference assemblies with nullable enabled and XML docs required, the way a strict consumer builds.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The names the generator gives its steps: every public constant of <see cref="TrackingNames"/>.</summary>
    private static readonly HashSet<string> GeneratorStepNames = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, parseOptions)),
            Net100.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Error }));

    public static GeneratorDriver CreateDriver(
        IEnumerable<SpecInput> specs, IReadOnlyDictionary<string, string>? properties = null)
        => CreateDriver(specs, out _, properties);

    /// <summary>Creates a driver and hands back the additional texts, so a test can replace one later.</summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<SpecInput> specs, out IReadOnlyList<AdditionalText> texts, IReadOnlyDictionary<string, string>? properties = null,
        CSharpParseOptions? parseOptions = null)
    {
        var specList = specs.ToList();
        texts = specList.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToList();
        var fileOptions = specList.ToDictionary(
            spec => spec.Path,
            spec => (IReadOnlyDictionary<string, string>)(spec.Metadata ?? new Dictionary<string, string>())
                .ToDictionary(pair => "build_metadata.AdditionalFiles." + pair.Key, pair => pair.Value));
        var globalOptions = (properties ?? new Dictionary<string, string>())
            .ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value);

        return CSharpGeneratorDriver.Create(
            generators: [new WiroGenerator().AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: parseOptions ?? ParseOptions,
            optionsProvider: new TestOptionsProvider(globalOptions, fileOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(
        IEnumerable<SpecInput> specs,
        IReadOnlyDictionary<string, string>? properties = null,
        CSharpCompilation? compilation = null)
    {
        var driver = CreateDriver(specs, properties);
        return Run(driver, compilation ?? CreateCompilation());
    }

    /// <summary>
    /// Runs the generator, then runs it again over an equal compilation and checks that second run was fully
    /// cached, as NetEscapades.EnumGenerators' test helper does: every test then also proves that its models are
    /// value-equal (a model holding a fresh array or a symbol would be Modified here and regenerate on every keystroke).
    /// </summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        AssertSecondRunIsCached(driver, compilation);
        return new GeneratorRun(driver, output, diagnostics, sources);
    }

    /// <summary>
    /// Every step the generator names (<see cref="TrackingNames"/>) of a run over a copy of
    /// <paramref name="compilation"/> is Cached or Unchanged, and every output Cached. Roslyn's own input steps
    /// (<c>Compilation</c>, ...) are left out: a copy is a new compilation, and they only say so.
    /// </summary>
    public static void AssertSecondRunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        var notCached = second.TrackedSteps
            .Where(step => GeneratorStepNames.Contains(step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (Step: step.Key, output.Reason)))
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Concat(second.TrackedOutputSteps
                .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (Step: step.Key, output.Reason)))
                .Where(output => output.Reason != IncrementalStepRunReason.Cached))
            .Select(output => $"{output.Step} was {output.Reason}")
            .Distinct()
            .ToList();
        Assert.True(notCached.Count == 0, "A second run over an equal compilation was not fully cached: " + string.Join("; ", notCached));
    }

    /// <summary>The repository's spec files (copied beside the test assembly as specs/*.md).</summary>
    public static IReadOnlyList<SpecInput> ShippedSpecs()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "specs"), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecInput(path, File.ReadAllText(path)))
            .ToList();
}
