using Wiro.Specs;
using Wiro.Generator.Tests.Infrastructure;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>
/// Help texts that look like markdown structure (headings, code fences, deep quotes, emphasis and link bombs) stay
/// help texts, in both layouts: every input after them is read and nothing is reported.
/// </summary>
public sealed class ParserHazardTests
{
    public static TheoryData<string, string> HostileHelps() => new()
    {
        { "heading", "Use ## Markdown Headings here" },
        { "top heading", "# Title ### Sub #### Deeper ###### Six" },
        { "closed fence", "Example: ```bash echo hi ``` done" },
        { "unclosed fence", "Starts a fence ```python and never closes it" },
        { "tilde fence", "~~~ not closed either" },
        { "nested quotes", "quoted:\n" + new string('>', 128) + " deep" },
        { "spaced nested quotes", "quoted:\n" + string.Concat(Enumerable.Repeat("> ", 128)) + "deep" },
        { "emphasis bomb", string.Concat(Enumerable.Repeat("*a _", 20_000)) },
        { "link bomb", string.Concat(Enumerable.Repeat("[a](", 50_000)) },
        { "hash run", new string('#', 10_000) + " Tool Inputs:" },
        { "html", "<details><summary>x</summary><!-- never closed" },
        { "table", "| a | b |\n|---|---|\n| ## Run | `x` |" },
    };

    [Theory]
    [MemberData(nameof(HostileHelps))]
    public void A_hostile_help_text_keeps_every_later_input_in_both_layouts(string kind, string help)
    {
        var page = HostileSpec(help);

        foreach (var text in new[] { page, Collapse(page) })
        {
            var run = GeneratorHarness.Run([new SpecInput("/specs/hostile.wiro.md", text)]);

            Assert.True(run.GeneratorDiagnostics.IsEmpty, kind + ": " + string.Join("\n", run.GeneratorDiagnostics));
            Assert.Empty(run.CompilerProblems);
            var spec = Parse(text).Spec!;
            Assert.Equal(["prompt", "steps", "mode"], spec.Inputs.Select(i => i.Name));
            Assert.Equal("30", spec.Inputs[1].Default);
            Assert.Equal(2, spec.Statuses!.Completed.Count);
        }
    }

    [Fact]
    public void A_heading_line_inside_a_multi_line_help_text_is_part_of_the_help()
    {
        var page = HostileSpec("First line\n## Markdown Headings here\n```\ncode\n");

        var result = Parse(page);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Spec!.Inputs.Count);
        Assert.Contains("## Markdown Headings here", result.Spec.Inputs[0].Help);
    }

    [Fact]
    public void Wiros_own_section_headings_still_end_the_inputs()
    {
        var page = HostileSpec("plain").Replace("## Task Status Information",
            "## Model Parameter Inspires:\n  - prompt: a cat\n  - name: notAnInput\n\n## Task Status Information");

        var result = Parse(page);

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.Spec!.Inputs, i => i.Name == "notAnInput");
    }

    public static TheoryData<string, string> BrokenEncodings() => new()
    {
        { "lone surrogates", "\uD800 high \uDC00 low \uDBFF" },
        { "replacement characters", "caf\uFFFD \uFFFD\uFFFD" },
        { "nul and controls", "a\0b\u0001\u0007\u001B[31m" },
        { "mojibake", "cafÃ© â€œquotedâ€\u009d" },
        { "byte order marks", "\uFEFFinside\uFEFF" },
        { "noncharacters", "\uFFFE\uFFFF" },
        { "line separators", "a\u2028b\u2029c\u0085d" },
    };

    [Theory]
    [MemberData(nameof(BrokenEncodings))]
    public void Broken_encodings_in_any_field_generate_code_that_compiles(string kind, string text)
    {
        var page = new SpecBuilder("acme", "broken")
            .Description(text)
            .Input("prompt", "textarea", text, label: text, help: text)
            .Input("mode", "select", "a", options: [("a", text), (text, "b")])
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/broken.wiro.md", page)]);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, kind + ": " + string.Join("\n", run.GeneratorDiagnostics));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_page_with_a_byte_order_mark_or_old_mac_line_ends_reads_like_a_plain_one()
    {
        var page = HostileSpec("plain");
        var plain = Parse(page).Spec!;

        foreach (var variant in new[] { "\uFEFF" + page, page.Replace("\n", "\r") })
        {
            var result = Parse(variant);

            Assert.Empty(result.Diagnostics);
            Assert.Equal(WithoutLocations(plain), WithoutLocations(result.Spec!));
        }
    }

    public static TheoryData<string> Bombs() => new()
    {
        new string('#', 200_000),
        new string('>', 200_000),
        string.Concat(Enumerable.Repeat("- ", 100_000)),
        string.Concat(Enumerable.Repeat("## Tool Inputs: ", 10_000)),
        string.Concat(Enumerable.Repeat("```", 50_000)),
        string.Concat(Enumerable.Repeat("[a](", 50_000)),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_page_made_of_markup_alone_never_fails_the_generator(string bomb)
    {
        var page = "## Basic tool info Run Task Endpoint (POST): https://api.wiro.ai/v1/Run/a/b ## Tool Inputs: " + bomb;

        var run = GeneratorHarness.Run([new SpecInput("/specs/bomb.wiro.md", page)]);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_cancelled_token_stops_the_parse_of_a_bomb()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var page = HostileSpec(string.Concat(Enumerable.Repeat("[a](", 50_000)));

        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse("/specs/a.wiro.md", page, cancelled.Token));
    }

    /// <summary>A real-layout page whose first input carries <paramref name="help"/>, followed by two ordinary inputs.</summary>
    private static string HostileSpec(string help)
        => new SpecBuilder("acme", "hazard")
            .Input("prompt", "textarea", "a cat", help: help)
            .Input("steps", "number", "30")
            .Input("mode", "select", "fast", options: [("fast", "Fast"), ("slow", "Slow")])
            .Build();
}
