using Wiro.Specs;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>Each parser diagnostic, at the line of the original text where the problem is.</summary>
public sealed class SpecDiagnosticTests
{
    private const string Path = "/specs/lens.wiro.md";
    private static readonly string Lens = Fixture("lens-tool.md");

    [Fact]
    public void WIRO009_markdown_that_is_not_a_spec()
    {
        var result = Parse("# My notes\n\nNothing to see.\n", Path);

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO009", diagnostic.Id);
        Assert.Equal(Path, diagnostic.Location!.FilePath);
        Assert.Equal(0, diagnostic.Location.LineSpan.Start.Line);
    }

    [Theory]
    [InlineData("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", "")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", "https://api.wiro.ai/v1/Task/Run")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", "https://api.wiro.ai/v1/Run/acme")]
    [InlineData("Run Task Endpoint (POST):", "Run endpoint: none")]
    public void WIRO001_missing_or_unusable_run_endpoint(string replace, string with)
    {
        var page = Lens.Replace(replace, with);

        var result = Parse(page, Path);

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO001", diagnostic.Id);
        var expectedLine = page.Contains("Run Task Endpoint (POST):") ? LineOf(page, "Run Task Endpoint (POST):") : LineOf(page, "## Basic tool info");
        Assert.Equal(expectedLine, diagnostic.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void WIRO001_without_basic_info_heading_but_with_a_run_key()
    {
        var page = Lens.Replace("## Basic tool info", "Some intro").Replace("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", "soon");

        var diagnostic = Assert.Single(Parse(page, Path).Diagnostics);

        Assert.Equal("WIRO001", diagnostic.Id);
        Assert.Equal(LineOf(page, "Run Task Endpoint"), diagnostic.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void A_page_without_basic_info_heading_still_parses_from_its_run_key()
    {
        var result = Parse(Lens.Replace("## Basic tool info", ""), Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Lens Tool v2.5", result.Spec!.Slug);
    }

    [Fact]
    public void WIRO002_no_inputs_section()
    {
        var page = Lens.Replace("## Model Inputs: ", "## Something else");

        var result = Parse(page, Path);

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO002", diagnostic.Id);
        Assert.Equal(LineOf(page, "## Basic tool info"), diagnostic.Location!.LineSpan.Start.Line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WIRO003_unknown_type_keeps_the_input_as_written(bool collapsed)
    {
        var page = Lens.Replace("type: checkbox", "type: colorwheel");
        page = collapsed ? Collapse(page) : page;

        var result = Parse(page, Path);

        var diagnostic = Single(result, "WIRO003");
        Assert.Equal(["keepFaces", "colorwheel"], diagnostic.MessageArgs);
        Assert.Equal(LineOf(page, "type: colorwheel"), diagnostic.Location!.LineSpan.Start.Line);
        var column = page.IndexOf("type: colorwheel", StringComparison.Ordinal) - (page.LastIndexOf('\n', page.IndexOf("type: colorwheel", StringComparison.Ordinal)) + 1);
        Assert.Equal(column, diagnostic.Location.LineSpan.Start.Character);
        Assert.Equal("type: colorwheel", page.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
        var input = result.Spec!.Inputs.Single(i => i.Name == "keepFaces");
        Assert.Equal((InputKind.Unknown, "colorwheel", "--keep_faces"), (input.Kind, input.TypeName, input.Default));
    }

    [Fact]
    public void WIRO005_input_without_type_is_left_out()
    {
        var page = Lens.Replace("    type: number\n", "");

        var result = Parse(page, Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO005", diagnostic.Id);
        Assert.Contains("'steps'", diagnostic.MessageArgs[0]);
        Assert.Equal(LineOf(page, "- name: steps"), diagnostic.Location!.LineSpan.Start.Line);
        Assert.DoesNotContain(result.Spec!.Inputs, i => i.Name == "steps");
        Assert.Equal(14, result.Spec.Inputs.Count);
    }

    [Theory]
    [InlineData("  - name: mask\n    label: Mask", "  - label: Mask")]
    [InlineData("  - name: mask\n", "  - name: \n")]
    public void WIRO005_input_without_name_is_left_out(string replace, string with)
    {
        var page = Lens.Replace(replace, with);

        var result = Parse(page, Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO005", diagnostic.Id);
        Assert.Equal(LineOf(page, with.TrimStart()), diagnostic.Location!.LineSpan.Start.Line);
        Assert.DoesNotContain(result.Spec!.Inputs, i => i.Name == "mask");
        Assert.Contains(result.Spec.Inputs, i => i.Name == "frames");
    }

    [Fact]
    public void WIRO007_duplicate_name_keeps_the_first()
    {
        var page = Lens.Replace("- name: frames", "- name: mask");

        var result = Parse(page, Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO007", diagnostic.Id);
        Assert.Equal(["mask"], diagnostic.MessageArgs);
        Assert.Equal(page.Split('\n').ToList().FindLastIndex(line => line.Contains("- name: mask")), diagnostic.Location!.LineSpan.Start.Line);
        var mask = Assert.Single(result.Spec!.Inputs, i => i.Name == "mask");
        Assert.Equal(InputKind.FileInput, mask.Kind);
    }

    [Fact]
    public void Names_differing_only_in_case_are_not_duplicates()
    {
        var page = Lens.Replace("- name: frames", "- name: Mask");

        var result = Parse(page, Path);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Spec!.Inputs, i => i.Name == "Mask");
    }

    [Fact]
    public void Diagnostic_arguments_fit_their_descriptors()
    {
        var page = Lens.Replace("type: checkbox", "type: colorwheel").Replace("    type: number\n", "").Replace("- name: frames", "- name: mask");

        var result = Parse(page, Path);

        Assert.Equal(["WIRO003", "WIRO005", "WIRO007"], result.Diagnostics.Select(d => d.Id).Order());
        foreach (var diagnostic in result.Diagnostics)
        {
            var message = Wiro.Generator.Diagnostics.DiagnosticReporting.ToDiagnostic(diagnostic).GetMessage();
            Assert.DoesNotContain("{", message);
        }
    }
}
