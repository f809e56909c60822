using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>Bad specs give WIRO diagnostics at their file and line, and never stop the other specs.</summary>
public sealed class DiagnosticTests
{
    private static readonly SpecInput Good = new("/specs/good.wiro.md", new SpecBuilder("acme", "good").Input("prompt", "text", "hi").Build());

    [Fact]
    public void Unknown_input_type_warns_at_its_line_and_generates_a_string()
    {
        var spec = new SpecBuilder("acme", "odd").Input("prompt", "text").Input("mood", "colorwheel", "blue").Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/odd.wiro.md", spec), Good]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/specs/odd.wiro.md", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(LineOf(spec, "type: colorwheel"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("public string Mood { get; set; } = \"blue\";", run.Sources["Wiro.Tools.Odd.g.cs"]);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Spec_without_run_endpoint_is_an_error_for_that_file_only()
    {
        var broken = new SpecBuilder("acme", "broken").Input("prompt", "text").Build()
            .Replace("https://api.wiro.ai/v1/Run/acme/broken", "");

        var run = GeneratorHarness.Run([new SpecInput("/specs/broken.wiro.md", broken), Good]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO001", diagnostic.Id);
        Assert.Equal("/specs/broken.wiro.md", diagnostic.Location.GetLineSpan().Path);
        Assert.NotEqual(Location.None, diagnostic.Location);
        Assert.Contains("Wiro.Tools.Good.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("Broken"));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Spec_without_inputs_section_is_an_error_for_that_file_only()
    {
        var text = new SpecBuilder("acme", "empty").Build().Replace("## Model Inputs: ", "## Something else");

        var run = GeneratorHarness.Run([new SpecInput("/specs/empty.wiro.md", text), Good]);

        Assert.Equal("WIRO002", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Contains("Wiro.Tools.Good.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Truncated_spec_warns_and_keeps_what_was_complete()
    {
        var full = new SpecBuilder("acme", "cut").Input("prompt", "text", "hello").Input("steps", "number", "20").Input("scheduler", "select", "A", options: [("A", "A"), ("B", "B")]).Build();
        var cut = full[..(full.IndexOf("label: B", StringComparison.Ordinal) + 4)];

        var run = GeneratorHarness.Run([new SpecInput("/specs/cut.wiro.md", cut)]);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "WIRO004" && d.Severity == DiagnosticSeverity.Warning);
        var source = run.Sources["Wiro.Tools.Cut.g.cs"];
        Assert.Contains("Prompt", source);
        Assert.Contains("Steps", source);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void The_same_endpoint_twice_is_an_error_at_the_second_file()
    {
        var first = new SpecInput("/specs/a.wiro.md", new SpecBuilder("acme", "same-name").Input("prompt", "text").Build());
        var second = new SpecInput("/specs/b.wiro.md", new SpecBuilder("ACME", "Same-Name").Input("prompt", "text").Build());

        var run = GeneratorHarness.Run([second, first]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/b.wiro.md", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("/specs/a.wiro.md", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Wiro.Tools.SameName.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Default_that_is_not_an_option_warns_and_starts_empty()
    {
        var spec = new SpecBuilder("acme", "defaults").Input("mode", "select", "C", options: [("A", "A"), ("B", "B")]).Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/defaults.wiro.md", spec)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO008", diagnostic.Id);
        Assert.Equal(LineOf(spec, "- name: mode"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("public global::Wiro.DefaultsMode? Mode { get; set; }", run.Sources["Wiro.Tools.Defaults.g.cs"]);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Markdown_that_is_not_a_spec_is_reported()
    {
        var run = GeneratorHarness.Run([new SpecInput("/specs/notes.wiro.md", "# My notes\n\nNothing to see.\n"), Good]);

        Assert.Equal("WIRO009", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Contains("Wiro.Tools.Good.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Other_markdown_files_are_ignored()
    {
        var run = GeneratorHarness.Run([new SpecInput("/docs/README.md", "# Readme"), Good]);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    private static int LineOf(string text, string needle)
        => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n');
}
