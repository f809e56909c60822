using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>
/// Pages that stop early: what was complete is kept, the spec is marked truncated and WIRO004 says where.
/// The rule: a page is complete when its inputs section is followed by another section and it has a status section
/// with a completed and a running status.
/// </summary>
public sealed class TruncationTests
{
    private static readonly string Lens = Fixture("lens-tool.md");

    private static string CutAfter(string text, string needle, int extra = 0)
        => text[..(text.IndexOf(needle, StringComparison.Ordinal) + needle.Length + extra)];

    [Fact]
    public void A_complete_page_is_not_truncated()
    {
        var result = Parse(Lens);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "WIRO004");
        Assert.False(result.Spec!.IsTruncated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cut_inside_the_last_input_leaves_it_out(bool collapsed)
    {
        var page = CutAfter(collapsed ? Collapse(Lens) : Lens, "help: Several fi");

        var result = Parse(page);

        var spec = result.Spec!;
        Assert.True(spec.IsTruncated);
        Assert.Null(spec.Statuses);
        Assert.Equal("mask", spec.Inputs[^1].Name);
        Assert.Equal(12, spec.Inputs.Count);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO004", diagnostic.Id);
        Assert.Contains("'frames'", diagnostic.MessageArgs[0]);
        Assert.Equal(LineOf(page, "- name: frames"), diagnostic.Location!.LineSpan.Start.Line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cut_inside_options_keeps_the_input_without_its_last_option(bool collapsed)
    {
        var page = CutAfter(collapsed ? Collapse(Lens) : Lens, "label: Light Blue");

        var result = Parse(page);

        var color = result.Spec!.Inputs[^1];
        Assert.Equal("color", color.Name);
        Assert.Equal([""], color.Options.Select(o => o.Value));
        Assert.Equal("WIRO004", Assert.Single(result.Diagnostics).Id);
        Assert.True(result.Spec.IsTruncated);
    }

    [Fact]
    public void Both_layouts_cut_at_the_same_place_give_the_same_model()
    {
        foreach (var needle in new[] { "label: Light Blue", "type: multisel", "default: 3.", "generatesettings: [{\"type\"" })
        {
            var lines = Parse(CutAfter(Lens, needle)).Spec!;
            var collapsed = Parse(CutAfter(Collapse(Lens), needle)).Spec!;

            Assert.Equal(WithoutLocations(lines), WithoutLocations(collapsed));
        }
    }

    [Fact]
    public void Cut_after_the_inputs_keeps_every_input()
    {
        var page = CutAfter(Lens, "A harbour at da");

        var result = Parse(page);

        Assert.Equal(15, result.Spec!.Inputs.Count);
        Assert.True(result.Spec.IsTruncated);
        Assert.Null(result.Spec.Statuses);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("WIRO004", diagnostic.Id);
        Assert.Equal(LineOf(page, "A harbour at da"), diagnostic.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void Cut_before_the_running_list_keeps_the_whole_completed_list()
    {
        var page = CutAfter(Lens, "These statuses indicate");

        var result = Parse(page);

        Assert.Equal("WIRO004", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(LineOf(page, "## Task Status Information"), result.Diagnostics[0].Location!.LineSpan.Start.Line);
        Assert.Equal(["task_postprocess_end", "task_cancel"], result.Spec!.Statuses!.Completed.Select(s => s.WireName));
        Assert.Empty(result.Spec.Statuses.Running);
    }

    [Fact]
    public void Cut_inside_the_completed_list_drops_the_status_section()
    {
        var page = CutAfter(Lens, "- task_postprocess_end : Task comp");

        var result = Parse(page);

        Assert.Equal("WIRO004", Assert.Single(result.Diagnostics).Id);
        Assert.Null(result.Spec!.Statuses);
        Assert.Equal(15, result.Spec.Inputs.Count);
    }

    [Fact]
    public void Cut_right_after_the_inputs_heading_gives_a_spec_without_inputs()
    {
        var page = CutAfter(Lens, "## Model Inputs: ");

        var result = Parse(page);

        Assert.Empty(result.Spec!.Inputs);
        Assert.Equal(LineOf(page, "## Model Inputs"), Single(result, "WIRO004").Location!.LineSpan.Start.Line);
    }
}
