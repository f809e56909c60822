using Wiro.Specs;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>A page with newlines and its collapsed copy describe one tool, so they give one model.</summary>
public sealed class LayoutEquivalenceTests
{
    [Theory]
    [InlineData("lens-tool.md")]
    [InlineData("crlf-tool.md")]
    public void Collapsed_copy_gives_the_same_model(string fixture)
    {
        var page = Fixture(fixture);

        var lines = Parse(page);
        var collapsed = Parse(Collapse(page));

        Assert.Empty(lines.Diagnostics);
        Assert.Empty(collapsed.Diagnostics);
        // Defaults are kept as written, so the collapsed copy's defaults are collapsed too; everything else agrees.
        Assert.Equal(WithCollapsedDefaults(WithoutLocations(lines.Spec!)), WithoutLocations(collapsed.Spec!));
    }

    [Fact]
    public void A_default_keeps_its_inner_whitespace()
    {
        var spec = Parse(Fixture("crlf-tool.md")).Spec!;

        Assert.Equal("Hello,   world", spec.Inputs[0].Default);
    }

    private static ToolSpec WithCollapsedDefaults(ToolSpec spec)
        => spec with { Inputs = spec.Inputs.Select(input => input with { Default = Collapse(input.Default) }).ToEquatableArray() };

    [Fact]
    public void Locations_follow_each_layout()
    {
        var page = Fixture("lens-tool.md");
        var collapsedPage = Collapse(page);

        var lines = Parse(page).Spec!.Inputs.Single(i => i.Name == "scale").Location!;
        var collapsed = Parse(collapsedPage).Spec!.Inputs.Single(i => i.Name == "scale").Location!;

        Assert.Equal(LineOf(page, "- name: scale"), lines.LineSpan.Start.Line);
        Assert.Equal(2, lines.LineSpan.Start.Character);
        Assert.Equal("- name: scale", page.Substring(lines.Span.Start, lines.Span.Length));
        Assert.Equal(0, collapsed.LineSpan.Start.Line);
        Assert.Equal(collapsedPage.IndexOf("- name: scale", StringComparison.Ordinal), collapsed.LineSpan.Start.Character);
    }

    [Fact]
    public void Windows_line_endings_read_like_unix_ones()
    {
        var page = Fixture("lens-tool.md").Replace("\r\n", "\n");

        var unix = Parse(page);
        var windows = Parse(page.Replace("\n", "\r\n"));

        Assert.Empty(windows.Diagnostics);
        Assert.Equal(WithoutLocations(unix.Spec!), WithoutLocations(windows.Spec!));
        Assert.Equal(
            unix.Spec!.Inputs.Select(i => i.Location!.LineSpan),
            windows.Spec!.Inputs.Select(i => i.Location!.LineSpan));
    }

    [Fact]
    public void Inspiration_and_code_sections_are_not_inputs()
    {
        var spec = Parse(Fixture("lens-tool.md")).Spec!;

        Assert.DoesNotContain(spec.Inputs, i => i.Name is "notAnInput");
        Assert.Equal(15, spec.Inputs.Count);
        Assert.Equal("sepia", spec.Inputs[^1].Default);
        Assert.Equal(3, spec.Statuses!.Running.Count);
    }
}
