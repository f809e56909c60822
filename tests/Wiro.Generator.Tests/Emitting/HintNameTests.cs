using System.Text;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// A hint name is the file name the compiler writes with <c>EmitCompilerGeneratedFiles</c>: it stays short (a file
/// name has 255 bytes) and unique whatever the tool or namespace is called, and is unchanged for normal names.
/// </summary>
public sealed class HintNameTests
{
    private const int MaxBytes = 128;

    [Fact]
    public void A_600_letter_slug_gets_short_unique_hint_names_and_compiles()
    {
        var slug = new string('a', 600);
        var spec = new SpecBuilder("acme", slug).Input("mode", "select", "x", options: [("x", "X"), ("y", "Y")]).Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/long.wiro.md", spec), Good]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        AssertShortAndUnique(run.Sources.Keys);
        Assert.Contains("Wiro.Tools.Good.g.cs", run.Sources.Keys);
        var stem = "A" + new string('a', 599);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro." + stem + "Request"));
        var file = Assert.Single(run.Sources, pair => pair.Value.Contains("class " + stem + "Client", StringComparison.Ordinal)).Key;
        Assert.StartsWith("Wiro.Tools.Aaaa", file, StringComparison.Ordinal);
        Assert.EndsWith(".g.cs", file, StringComparison.Ordinal);
    }

    [Fact]
    public void A_600_character_namespace_gets_short_unique_hint_names_and_compiles()
    {
        var ns = "Acme." + new string('N', 595);

        var run = GeneratorHarness.Run([Good], new Dictionary<string, string> { ["WiroNamespace"] = ns });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName(ns + ".GoodRequest"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName(ns + ".WiroClient"));
        AssertShortAndUnique(run.Sources.Keys);
        Assert.True(run.Sources.Count > 10, "the core's files are there too");
    }

    [Fact]
    public void Long_names_that_differ_only_at_the_end_get_distinct_hint_names()
    {
        var specs = new[] { 'b', 'c', 'B' }.Select(last => new string('a', 599) + last)
            .Select((slug, i) => new SpecInput($"/specs/long{i}.wiro.md", new SpecBuilder("acme" + i, slug).Input("prompt", "text").Build()))
            .ToList();

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        AssertShortAndUnique(run.Sources.Keys);
        Assert.Equal(3, run.Sources.Keys.Count(key => key.StartsWith("Wiro.Tools.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Normal_names_keep_their_hint_names()
    {
        var ns = "Acme.Clients.Generated";
        var run = GeneratorHarness.Run([Good], new Dictionary<string, string> { ["WiroNamespace"] = ns });

        Assert.Contains(ns + ".Tools.Good.g.cs", run.Sources.Keys);
        Assert.Contains(ns + ".WiroTaskStatus.g.cs", run.Sources.Keys);
        Assert.Contains(ns + ".Core.WiroClient.g.cs", run.Sources.Keys);
        Assert.All(run.Sources.Keys, key => Assert.DoesNotContain("-", key));
    }

    private static readonly SpecInput Good = new("/specs/good.wiro.md", new SpecBuilder("acme", "good").Input("prompt", "text", "hi").Build());

    private static void AssertShortAndUnique(IEnumerable<string> hintNames)
    {
        var names = hintNames.ToList();
        Assert.All(names, name => Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, MaxBytes));
        // Roslyn tells hint names apart ignoring case; so do file systems on Windows and macOS.
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
