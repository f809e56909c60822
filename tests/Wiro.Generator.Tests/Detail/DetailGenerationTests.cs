using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Detail;

/// <summary>A Tool/Detail file beside a page: required members and documented ranges, located diagnostics, caching.</summary>
public sealed class DetailGenerationTests
{
    [Fact]
    public void Required_inputs_without_a_default_become_required_members_and_ranges_are_documented()
    {
        var run = GeneratorHarness.Run(DetailFiles.Pair());

        Assert.Empty(run.CompilerProblems);
        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Sources["Wiro.Tools.Painter.g.cs"];
        Assert.Contains("public required string Prompt { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public required int Seed { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public required global::Wiro.WiroFile InputImageUrl { get; set; }", source, StringComparison.Ordinal);
        // Required with a page default: it keeps the default, which already satisfies Wiro.
        Assert.Contains("public int Steps { get; set; } = 30;", source, StringComparison.Ordinal);
        Assert.Contains("Required by Wiro (Tool/Detail); starts at the spec default", source, StringComparison.Ordinal);
        Assert.Contains("From 1 to 100, step 1.", source, StringComparison.Ordinal);
        Assert.Contains("From 0.5 to 20, step 0.5.", source, StringComparison.Ordinal);
        Assert.Contains("At least 0.", source, StringComparison.Ordinal);
        // Not required: unchanged.
        Assert.Contains("public string? NegativePrompt { get; set; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_that_leaves_a_required_input_unset_does_not_compile()
    {
        const string Forgets = "namespace App { internal static class Use { internal static object Make() => new Wiro.PainterRequest { Seed = 1, InputImageUrl = \"https://x.test/a.png\" }; } }";
        const string Sets = "namespace App { internal static class Use { internal static object Make() => new Wiro.PainterRequest { Prompt = \"p\", Seed = 1, InputImageUrl = \"https://x.test/a.png\" }; } }";

        var forgets = GeneratorHarness.Run(DetailFiles.Pair(), compilation: GeneratorHarness.CreateCompilation(Forgets));
        var sets = GeneratorHarness.Run(DetailFiles.Pair(), compilation: GeneratorHarness.CreateCompilation(Sets));

        // CS9035: required member 'PainterRequest.Prompt' must be set.
        var missing = Assert.Single(forgets.CompilerProblems);
        Assert.Equal("CS9035", missing.Id);
        Assert.Contains("Prompt", missing.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(sets.CompilerProblems);
    }

    [Fact]
    public void Without_a_detail_file_the_page_generates_exactly_as_before()
    {
        var alone = GeneratorHarness.Run([new SpecInput(DetailFiles.SpecPath, DetailFiles.Spec())]);
        var emptyDetail = GeneratorHarness.Run(DetailFiles.Pair("""{"result":true,"tool":[{"parameters":null}]}"""));

        Assert.DoesNotContain("required", alone.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
        Assert.Equal(alone.Sources["Wiro.Tools.Painter.g.cs"], emptyDetail.Sources["Wiro.Tools.Painter.g.cs"]);
        Assert.Empty(emptyDetail.GeneratorDiagnostics);
    }

    [Fact]
    public void A_detail_file_is_paired_by_name_only()
    {
        var other = GeneratorHarness.Run([new SpecInput(DetailFiles.SpecPath, DetailFiles.Spec()), new SpecInput("/specs/acme__other.wiro.json", DetailFiles.Answer)]);
        var otherFolder = GeneratorHarness.Run([new SpecInput(DetailFiles.SpecPath, DetailFiles.Spec()), new SpecInput("/elsewhere/acme__painter.wiro.json", DetailFiles.Answer)]);
        var upperCaseSuffix = GeneratorHarness.Run([new SpecInput(DetailFiles.SpecPath, DetailFiles.Spec()), new SpecInput("/specs/acme__painter.WIRO.JSON", DetailFiles.Answer)]);

        Assert.DoesNotContain("required", other.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("required", otherFolder.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public required string Prompt", upperCaseSuffix.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
        // A detail file is never taken for a spec.
        Assert.Single(other.Sources, pair => pair.Key.StartsWith("Wiro.Tools.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spec_with_another_name_pairs_with_the_detail_file_of_its_stem()
    {
        var specs = new[]
        {
            new SpecInput("/tools/painter.md", DetailFiles.Spec(), new Dictionary<string, string> { ["WiroSpec"] = "true" }),
            new SpecInput("/tools/painter.wiro.json", DetailFiles.Answer),
        };

        var run = GeneratorHarness.Run(specs);

        Assert.Contains("public required string Prompt", run.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_json_is_WIRO019_at_its_line_and_column_and_the_page_still_generates()
    {
        const string Broken = "{\n  \"tool\": [\n    { \"parameters\": [ } ]\n  ]\n}";

        var run = GeneratorHarness.Run(DetailFiles.Pair(Broken));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO019", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(DetailFiles.DetailPath, span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal(22, span.StartLinePosition.Character);
        Assert.Contains("line 3, column 23", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
        Assert.Contains("public string? Prompt { get; set; }", run.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_ids_bad_values_and_inverted_ranges_are_located_warnings_and_the_rest_is_used()
    {
        const string Detail = """
            {"tool":[{"parameters":[{"items":[
              {"id":"prompt","required":true},
              {"id":"colour","required":true},
              {"id":"steps","min":100,"max":1},
              {"id":"guidance","min":"1e400","required":"yes"},
              {"id":"seed","step":-1}
            ]}]}]}
            """;

        var run = GeneratorHarness.Run(DetailFiles.Pair(Detail));

        var found = run.GeneratorDiagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().Path)).ToList();
        Assert.Equal(
            [("WIRO020", 3, DetailFiles.DetailPath), ("WIRO020", 4, DetailFiles.DetailPath), ("WIRO020", 4, DetailFiles.DetailPath), ("WIRO020", 5, DetailFiles.DetailPath), ("WIRO021", 2, DetailFiles.DetailPath)],
            found.OrderBy(d => d.Id).ThenBy(d => d.Line).ToList());
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage().Contains("'colour'", StringComparison.Ordinal));
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage().Contains("1e400", StringComparison.Ordinal) && d.GetMessage().Contains("not a finite number", StringComparison.Ordinal));
        var source = run.Sources["Wiro.Tools.Painter.g.cs"];
        Assert.Contains("public required string Prompt", source, StringComparison.Ordinal);
        Assert.DoesNotContain("From 100", source, StringComparison.Ordinal);
        Assert.DoesNotContain("steps of -1", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Editing_a_detail_file_regenerates_only_its_spec()
    {
        var specs = new List<SpecInput>();
        for (var i = 0; i < 6; i++)
        {
            specs.Add(new SpecInput($"/specs/acme__t{i}.wiro.md", new SpecBuilder("acme", $"t{i}").Input("prompt", "textarea", "").Input("steps", "number", "4").Build()));
            specs.Add(new SpecInput($"/specs/acme__t{i}.wiro.json", """{"parameters":[{"items":[{"id":"steps","min":1,"max":8}]}]}"""));
        }

        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs, out var texts), compilation);
        var edited = new InMemoryAdditionalText(specs[5].Path, """{"parameters":[{"items":[{"id":"prompt","required":true},{"id":"steps","min":1,"max":8}]}]}""");
        var second = first.Driver.ReplaceAdditionalText(texts[5], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = second.TrackedSteps[Wiro.Generator.Pipeline.TrackingNames.ToolOutput].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(6, reasons.Count);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(5, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var tools = second.TrackedSteps[Wiro.Generator.Pipeline.TrackingNames.Tool].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(5, tools.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("public required string Prompt", second.GeneratedSources.Single(s => s.HintName == "Wiro.Tools.T2.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_text_in_a_detail_file_reaches_code_only_through_escaping()
    {
        // Ids only select inputs, numbers are parsed: nothing of the file is written as it is. A hostile id is a warning.
        const string Detail = """{"parameters":[{"items":[{"id":"prompt\"; } class X { //\u202E","required":true},{"id":"steps","min":"1","max":"1e3"}]}]}""";

        var run = GeneratorHarness.Run(DetailFiles.Pair(Detail));

        Assert.Empty(run.CompilerProblems);
        var unknown = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO021", unknown.Id);
        Assert.Contains("U+202E", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("From 1 to 1000.", run.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
    }
}
