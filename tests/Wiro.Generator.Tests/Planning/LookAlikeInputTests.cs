using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Planning;

/// <summary>
/// Two keys a reader takes for one (the same letters composed or decomposed, a Cyrillic or Greek letter that looks
/// Latin, a run option's key in other case) are both sent: the spec gets a warning at the later input (WIRO018).
/// </summary>
public sealed class LookAlikeInputTests
{
    public static TheoryData<string, string, string> LookAlikes => new()
    {
        { "caf\u00E9", "cafe\u0301", "normalization" },           // é composed, then e + combining acute
        { "prompt", "pr\u043Empt", "look-alike" },                 // Cyrillic о
        { "prompt", "pr\u03BFmpt", "look-alike" },                 // Greek ο
        { "scale", "\u0455c\u0430l\u0435", "look-alike" },         // Cyrillic ѕ, а, е
        { "Prompt", "\u0420rompt", "look-alike" },                 // Cyrillic Р
        { "prompt", "\uFF50rompt", "normalization" },              // fullwidth ｐ
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Inputs_that_look_alike_warn_at_the_later_one_and_both_are_sent(string first, string second, string reason)
    {
        var spec = new SpecBuilder("acme", "alike").Input(first, "text", "a").Input("steps", "number", "4").Input(second, "text", "b").Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/alike.wiro.md", spec)]);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO018", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("/specs/alike.wiro.md", warning.Location.GetLineSpan().Path);
        Assert.Equal(LineOf(spec, "- name: " + second), warning.Location.GetLineSpan().StartLinePosition.Line);
        var message = warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(reason, message);
        Assert.Empty(run.CompilerProblems);
        var request = run.OutputCompilation.GetTypeByMetadataName("Wiro.AlikeRequest")!;
        Assert.Equal(3, request.GetMembers().OfType<IPropertySymbol>().Count(p => !p.IsImplicitlyDeclared && !p.IsOverride));
    }

    [Theory]
    [InlineData("projectId")]
    [InlineData("ProjectID")]
    [InlineData("pr\u043Ejectid")]
    [InlineData("callbackURL")]
    public void An_input_that_looks_like_a_run_option_warns(string name)
    {
        var spec = new SpecBuilder("acme", "billing").Input("prompt", "text", "a").Input(name, "text", "p").Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/billing.wiro.md", spec)]);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO018", warning.Id);
        Assert.Equal(LineOf(spec, "- name: " + name), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("the request's", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Names_that_differ_visibly_do_not_warn()
    {
        var spec = new SpecBuilder("acme", "distinct")
            .Input("seed", "text", "1")
            .Input("Seed", "number", "7")   // case alone between two inputs: visibly two keys (Seed, Seed2)
            .Input("prompt", "text")
            .Input("prompt2", "text")
            .Input("image", "fileinput")
            .Input("images", "multifileinput")
            .Input("cafe", "text")
            .Input("caf\u00E9", "text")      // an accent is a different letter, not a look-alike
            .Input("\u043F\u0440\u0438\u0432\u0435\u0442", "text") // Russian, unlike any Latin name here
            .Input("project", "text")
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/distinct.wiro.md", spec)]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
    }

    private static int LineOf(string text, string needle)
        => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n');
}
