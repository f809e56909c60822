using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>
/// Owner and model are path segments of the Run URL the client builds (<c>{BaseAddress}Run/{owner}/{model}</c>): a
/// value a URL would resolve, cut or split (<c>..</c>, <c>?</c>, an escape, another segment) is an error at the
/// endpoint (WIRO017), and nothing is generated for that tool. Spaces and dots inside a name are legitimate.
/// </summary>
public sealed class RunEndpointTests
{
    private const string Path = "/specs/lens.wiro.md";
    private const string Endpoint = "https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5";
    private static readonly string Lens = Fixture("lens-tool.md");

    public static TheoryData<string, string> Unusable => new()
    {
        // Dot segments: a URL resolves them away, so the signed run goes elsewhere (/ or /v1/x).
        { "https://api.wiro.ai/v1/Run/../..", ".." },
        { "https://api.wiro.ai/v1/Run/../x", ".." },
        { "https://api.wiro.ai/v1/Run/acme/..", ".." },
        { "https://api.wiro.ai/v1/Run/./tool", "." },
        { "https://api.wiro.ai/v1/Run/acme/.", "." },
        // More than owner and model: the rest would become the model ('b/c').
        { "https://api.wiro.ai/v1/Run/a/b/c", "b/c" },
        { "https://api.wiro.ai/v1/Run/acme//tool", "/tool" },
        { "https://api.wiro.ai/v1/Run/acme/tool/../x", "tool/../x" },
        // Escapes, queries and fragments are no part of a name.
        { "https://api.wiro.ai/v1/Run/acme/%2e%2e", "%2e%2e" },
        { "https://api.wiro.ai/v1/Run/acme/Lens%20Tool", "Lens%20Tool" },
        { "https://api.wiro.ai/v1/Run/acme/tool?x=1", "tool?x=1" },
        { "https://api.wiro.ai/v1/Run/acme/tool#top", "tool#top" },
        { "https://api.wiro.ai/v1/Run/ac?me/tool", "ac?me" },
        // A URL reads a backslash as a slash.
        { "https://api.wiro.ai/v1/Run/acme/..\\..", "..\\.." },
        // No URL carries a control character.
        { "https://api.wiro.ai/v1/Run/acme/to\u0001ol", "to\u0001ol" },
        { "https://api.wiro.ai/v1/Run/ac\u007Fme/tool", "ac\u007Fme" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void WIRO017_an_owner_or_model_that_is_no_single_plain_segment(string endpoint, string segment)
    {
        foreach (var page in new[] { Lens.Replace(Endpoint, endpoint), Collapse(Lens.Replace(Endpoint, endpoint)) })
        {
            var result = Parse(page, Path);

            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("WIRO017", diagnostic.Id);
            Assert.Equal(Path, diagnostic.Location!.FilePath);
            Assert.Equal(LineOf(page, endpoint), diagnostic.Location.LineSpan.Start.Line);
            Assert.Equal(page.IndexOf(endpoint, StringComparison.Ordinal), diagnostic.Location.Span.Start);
            Assert.Contains(segment, diagnostic.MessageArgs);
        }
    }

    [Theory]
    [InlineData("https://api.wiro.ai/v1/Run/JoeLink/Robot v4.0", "JoeLink", "Robot v4.0")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", "acme", "Lens Tool v2.5")]
    [InlineData("https://api.wiro.ai/v1/Run/Wan-AI/Wan2.2-I2V-A14B", "Wan-AI", "Wan2.2-I2V-A14B")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/tool/", "acme", "tool")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/...", "acme", "...")]
    [InlineData("https://api.wiro.ai/v1/Run/acme/.hidden", "acme", ".hidden")]
    [InlineData("https://api.wiro.ai/v1/Run/a.b/v1..2", "a.b", "v1..2")]
    [InlineData("https://api.wiro.ai/v1/Run/wiro/kokoro_tts", "wiro", "kokoro_tts")]
    public void Names_with_spaces_and_dots_inside_are_kept_as_written(string endpoint, string owner, string model)
    {
        var result = Parse(Lens.Replace(Endpoint, endpoint), Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal((owner, model), (result.Spec!.Owner, result.Spec.Slug));
    }

    [Fact]
    public void A_dot_segment_endpoint_is_an_error_at_its_line_and_generates_nothing()
    {
        var bad = new SpecBuilder("acme", "escape").Input("prompt", "text").Build()
            .Replace("https://api.wiro.ai/v1/Run/acme/escape", "https://api.wiro.ai/v1/Run/../..");
        var good = new SpecInput("/specs/good.wiro.md", new SpecBuilder("acme", "good").Input("prompt", "text", "hi").Build());

        var run = GeneratorHarness.Run([new SpecInput("/specs/escape.wiro.md", bad), good]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/escape.wiro.md", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(LineOf(bad, "https://api.wiro.ai/v1/Run/../.."), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'..'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Wiro.Tools.Good.g.cs"], run.Sources.Keys.Where(key => key.Contains(".Tools.", StringComparison.Ordinal)));
        // Only the tools' files: the core itself names ".." where it refuses such a segment at run time.
        Assert.DoesNotContain("\"..\"", string.Concat(run.Sources.Where(source => source.Key.Contains(".Tools.", StringComparison.Ordinal)).Select(source => source.Value)));
        Assert.Empty(run.CompilerProblems);
    }
}
