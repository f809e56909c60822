using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// The generated sources of every shipped spec, compared with reviewed snapshots in <c>Emitting/Snapshots</c>.
/// The client core is left out: it is ordinary C# reviewed as such and tested in Wiro.Core.Tests.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> ShippedSpecNames()
        => new(GeneratorHarness.ShippedSpecs().Select(spec => Path.GetFileName(spec.Path)));

    [Theory]
    [MemberData(nameof(ShippedSpecNames))]
    public void Generated_sources_match_the_snapshot(string specFileName)
    {
        var spec = GeneratorHarness.ShippedSpecs().Single(s => Path.GetFileName(s.Path) == specFileName);
        var run = GeneratorHarness.Run([spec]);
        var fromSpec = run.Sources
            .Where(pair => !pair.Key.StartsWith("Wiro.Core.", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);

        var text = string.Concat(fromSpec.Select(pair => $"//// {pair.Key}\n{pair.Value}\n"));

        Snapshot.Match(text, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(specFileName)));
    }

    /// <summary>Shapes the seed does not have, each reviewed once as a snapshot.</summary>
    public static TheoryData<string> Scenarios() => new(ScenarioRuns.Keys);

    private static readonly Dictionary<string, Func<GeneratorRun>> ScenarioRuns = new()
    {
        ["file-input-tool"] = () => GeneratorHarness.Run([new SpecInput("/specs/face.wiro.md", new SpecBuilder("acme", "face-swap")
            .Input("mask", "fileinput", label: "Mask", help: "The area to change.")
            .Input("inputImageUrl", "text", "https://example.com/face.png", label: "Face")
            .Input("inputImages", "combinefileinput", label: "Extra faces")
            .Build())]),
        ["select-heavy-tool"] = () => GeneratorHarness.Run([new SpecInput("/specs/styles.wiro.md", new SpecBuilder("acme", "style-lab")
            .Input("aspectRatio", "select", "16:9", options: [("16:9", "16:9"), ("9:16", "9:16"), ("1:1", "Square")])
            .Input("quality", "select", "", options: [("", "Auto"), ("hd", "HD")])
            .Input("watermark", "select", "true", options: [("true", "Yes"), ("false", "No")])
            .Input("styles", "multiselect", "anime", options: [("anime", "Anime"), ("noir", "Noir")])
            .Input("steps", "number", "")
            .Build())]),
        ["internal-accessibility"] = () => GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(),
            new Dictionary<string, string> { ["WiroAccessibility"] = "internal" }),
        ["referenced-core"] = () =>
        {
            var library = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
            var consumer = GeneratorHarness.CreateCompilation().AddReferences(library.OutputCompilation.WithAssemblyName("Library").ToMetadataReference());
            return GeneratorHarness.Run([new SpecInput("/app/second.wiro.md", new SpecBuilder("acme", "second-tool").Input("prompt", "text", "hi").Build())],
                compilation: consumer);
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generated_sources_of_a_scenario_match_the_snapshot(string scenario)
    {
        var run = ScenarioRuns[scenario]();
        Assert.Empty(run.CompilerProblems);
        var fromSpec = run.Sources
            .Where(pair => !pair.Key.Contains(".Core.", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);

        Snapshot.Match(string.Concat(fromSpec.Select(pair => $"//// {pair.Key}\n{pair.Value}\n")), scenario);
    }
}
