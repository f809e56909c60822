using System.Text.RegularExpressions;
using Wiro.Specs;
using static Wiro.Corpus.Tests.Corpus;

namespace Wiro.Corpus.Tests;

/// <summary>The complete real pages and the seed: read whole, in either layout, with nothing to report.</summary>
public sealed class PageTests
{
    [Theory]
    [MemberData(nameof(Corpus.Pages), MemberType = typeof(Corpus))]
    [MemberData(nameof(Corpus.Seeds), MemberType = typeof(Corpus))]
    public void Complete_page_parses_without_diagnostics(string name)
    {
        var folder = name.StartsWith("wiroai__", StringComparison.Ordinal) ? "seed" : "pages";

        var result = Parse(folder, name);

        Assert.Empty(result.Diagnostics);
        var spec = Assert.IsType<ToolSpec>(result.Spec);
        Assert.False(spec.IsTruncated);
        Assert.Equal(OwnerAndSlug(name), spec.Owner + "__" + spec.Slug, ignoreCase: true);
        Assert.NotEmpty(spec.Inputs);
        Assert.All(spec.Inputs, input => Assert.NotEqual(InputKind.Unknown, input.Kind));
        Assert.Equal(["task_postprocess_end", "task_cancel"], spec.Statuses!.Completed.Select(s => s.WireName));
        Assert.Equal(7, spec.Statuses.Running.Count);
    }

    [Theory]
    [MemberData(nameof(Corpus.Pages), MemberType = typeof(Corpus))]
    public void Collapsed_copy_of_a_page_gives_the_same_model(string name)
    {
        var text = Read("pages", name);

        var lines = ParseText(name, text);
        var collapsed = ParseText(name, Collapse(text));

        Assert.Empty(collapsed.Diagnostics);
        Assert.Equal(WithoutLocations(lines.Spec!), WithoutLocations(collapsed.Spec!));
    }

    [Theory]
    [MemberData(nameof(Corpus.Pages), MemberType = typeof(Corpus))]
    public void Every_input_and_option_on_a_page_is_read(string name)
    {
        var text = Read("pages", name);
        var inputsSection = text[text.IndexOf("Inputs:", StringComparison.Ordinal)..text.IndexOf("## Integration", StringComparison.Ordinal)];

        var spec = Parse("pages", name).Spec!;

        Assert.Equal(Regex.Count(inputsSection, @"^\s*- name: ", RegexOptions.Multiline), spec.Inputs.Count);
        Assert.Equal(Regex.Count(inputsSection, @"^\s*- value: ", RegexOptions.Multiline), spec.Inputs.Sum(i => i.Options.Count));
        Assert.Equal(
            Regex.Matches(inputsSection, "^\\s*- value: \"(.*)\"\\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value),
            spec.Inputs.SelectMany(i => i.Options).Select(o => o.Value));
    }

    private static SpecParseResult ParseText(string name, string text)
        => SpecParser.Parse(name, text, CancellationToken.None);
}
