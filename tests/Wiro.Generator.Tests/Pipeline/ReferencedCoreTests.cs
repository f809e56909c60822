using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>
/// Two projects that both generate, one referencing the other: the referencing one reuses the referenced core
/// instead of emitting a second copy, so there is no CS0433/CS0436.
/// </summary>
public sealed class ReferencedCoreTests
{
    private static readonly SpecInput Second = new("/b/specs/second.wiro.md",
        new SpecBuilder("acme", "second-tool").Input("prompt", "text", "hi").Build());

    [Theory]
    [InlineData("public", false, LanguageVersion.CSharp12)]
    [InlineData("internal", true, LanguageVersion.CSharp12)]
    [InlineData("public", false, LanguageVersion.Preview)]
    [InlineData("internal", true, LanguageVersion.Preview)]
    public void Referencing_project_reuses_the_core_and_reaches_its_own_tools(string accessibility, bool internalsVisible, LanguageVersion language)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(language);
        var library = GeneratorHarness.Run(
            GeneratorHarness.ShippedSpecs(),
            new Dictionary<string, string> { ["WiroAccessibility"] = accessibility },
            GeneratorHarness.CreateCompilation(internalsVisible
                ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]"
                : "namespace Lib { /// <summary>A public type.</summary>\n public class Marker { } }"));
        Assert.Empty(library.CompilerProblems);
        var libraryReference = library.OutputCompilation.WithAssemblyName("Library").ToMetadataReference();

        // C# 14 reaches the referencing project's own tool through an extension property, earlier versions a method.
        var secondTool = language == LanguageVersion.CSharp12 ? "client.SecondTool()" : "client.SecondTool";
        var usage = $$"""
            using Wiro;

            namespace App
            {
                internal static class Usage
                {
                    internal static object Use(WiroClient client) => (client.LtxVideoText2Video, {{secondTool}});
                }
            }
            """;
        var consumer = GeneratorHarness.CreateCompilation(parseOptions, usage).AddReferences(libraryReference);
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([Second], out _, parseOptions: parseOptions), consumer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("Wiro.Core.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Keys, key => key.EndsWith("WiroTaskStatus.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Two_libraries_with_a_public_core_give_one_project_diagnostic_that_says_what_to_set()
    {
        MetadataReference Library(string name, string slug)
        {
            var spec = new SpecInput($"/{name}/{slug}.wiro.md", new SpecBuilder("acme", slug).Input("prompt", "text", "hi").Build());
            var library = GeneratorHarness.Run([spec], compilation: GeneratorHarness.CreateCompilation().WithAssemblyName(name));
            Assert.Empty(library.CompilerProblems);
            return library.OutputCompilation.ToMetadataReference();
        }

        var references = new[] { Library("LibA", "tool-a"), Library("LibB", "tool-b") };

        var ambiguous = GeneratorHarness.Run([Second], compilation: GeneratorHarness.CreateCompilation().AddReferences(references));
        var own = GeneratorHarness.Run([Second], new Dictionary<string, string> { ["WiroNamespace"] = "App.Wiro" },
            GeneratorHarness.CreateCompilation().AddReferences(references));

        var diagnostic = Assert.Single(ambiguous.GeneratorDiagnostics);
        Assert.Equal("WIRO016", diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("LibA, LibB", message);
        Assert.Contains("WiroNamespace", message);
        Assert.Empty(ambiguous.Sources);
        Assert.Empty(own.GeneratorDiagnostics);
        Assert.Empty(own.CompilerProblems);
        Assert.NotNull(own.OutputCompilation.GetTypeByMetadataName("App.Wiro.SecondToolRequest"));
    }

    [Fact]
    public void A_tool_named_like_one_in_the_referenced_library_gets_another_name()
    {
        var library = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
        var spec = GeneratorHarness.ShippedSpecs()[0] with { Path = "/app/ltx.wiro.md" };
        var consumer = GeneratorHarness.CreateCompilation().AddReferences(library.OutputCompilation.WithAssemblyName("Library").ToMetadataReference());

        var run = GeneratorHarness.Run([spec], compilation: consumer);

        Assert.Empty(run.CompilerProblems);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "WIRO014");
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.LtxVideoText2Video2Request"));
    }
}
