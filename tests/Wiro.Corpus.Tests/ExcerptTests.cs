using System.Text.RegularExpressions;
using Wiro.Specs;
using static Wiro.Corpus.Tests.Corpus;

namespace Wiro.Corpus.Tests;

/// <summary>
/// The excerpts: collapsed real pages cut at about 2,000 characters. The rule checked here is the parser's: a page is
/// truncated (WIRO004) when it is cut inside its inputs (nothing follows the inputs section) or before its status
/// section (no "## Task Status Information" with both lists). Inside the inputs the last, possibly cut, input is left
/// out unless the cut fell in its options; every input before it is kept.
/// </summary>
public sealed class ExcerptTests
{
    [Theory]
    [MemberData(nameof(Corpus.Excerpts), MemberType = typeof(Corpus))]
    public void Excerpt_parses_to_a_spec_with_inputs(string name)
    {
        var result = Parse("excerpts", name);

        Assert.DoesNotContain(result.Diagnostics, IsError);
        Assert.All(result.Diagnostics, d => Assert.Equal("WIRO004", d.Id));
        var spec = Assert.IsType<ToolSpec>(result.Spec);
        Assert.NotEmpty(spec.Inputs);
        Assert.Equal(OwnerAndSlug(name), spec.Owner + "__" + spec.Slug, ignoreCase: true);
        Assert.All(spec.Inputs, input => Assert.NotEqual(InputKind.Unknown, input.Kind));
    }

    [Theory]
    [MemberData(nameof(Corpus.Excerpts), MemberType = typeof(Corpus))]
    public void Excerpt_is_truncated_exactly_when_cut_inside_its_inputs_or_before_its_status_section(string name)
    {
        var text = Read("excerpts", name);
        var inputs = Regex.Match(text, "## (Tool|Model) Inputs:");
        var afterInputs = text.IndexOf(" ## ", inputs.Index + inputs.Length, StringComparison.Ordinal);
        var cutInsideInputs = afterInputs < 0;
        var cutBeforeStatus = !Regex.IsMatch(text, "## Task Status Information.*### Running Task Statuses.* - task_\\w+ :");

        var result = Parse("excerpts", name);

        Assert.Equal(cutInsideInputs || cutBeforeStatus, result.Diagnostics.Any(d => d.Id == "WIRO004"));
        Assert.Equal(cutInsideInputs || cutBeforeStatus, result.Spec!.IsTruncated);
        var section = cutInsideInputs ? text[inputs.Index..] : text[inputs.Index..afterInputs];
        var declared = Regex.Count(section, " - name: ");
        if (cutInsideInputs)
        {
            Assert.Contains("inputs section runs to the end", result.Diagnostics.Single().MessageArgs[0]);
            Assert.InRange(result.Spec.Inputs.Count, declared - 1, declared);
        }
        else
        {
            Assert.Equal(declared, result.Spec.Inputs.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.Excerpts), MemberType = typeof(Corpus))]
    public void Complete_inputs_of_an_excerpt_keep_their_whole_options(string name)
    {
        var text = Read("excerpts", name);

        var spec = Parse("excerpts", name).Spec!;

        foreach (var input in spec.Inputs.Take(spec.Inputs.Count - 1))
        {
            var start = text.IndexOf("- name: " + input.Name + " ", StringComparison.Ordinal);
            var end = text.IndexOf(" - name: ", start + 1, StringComparison.Ordinal);
            var heading = text.IndexOf(" ## ", start, StringComparison.Ordinal);
            end = end < 0 || (heading >= 0 && heading < end) ? heading : end;
            Assert.Equal(Regex.Count(text[start..end], " - value: \""), input.Options.Count);
        }
    }
}
