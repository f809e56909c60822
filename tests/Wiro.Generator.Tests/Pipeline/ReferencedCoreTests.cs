using Microsoft.CodeAnalysis;
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
    [InlineData("public", false)]
    [InlineData("internal", true)]
    public void Referencing_project_reuses_the_core_and_reaches_its_own_tools(string accessibility, bool internalsVisible)
    {
        var library = GeneratorHarness.Run(
            GeneratorHarness.ShippedSpecs(),
            new Dictionary<string, string> { ["WiroAccessibility"] = accessibility },
            GeneratorHarness.CreateCompilation(internalsVisible
                ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]"
                : "namespace Lib { public class Marker { } }"));
        Assert.Empty(library.CompilerProblems);
        var libraryReference = library.OutputCompilation.WithAssemblyName("Library").ToMetadataReference();

        const string usage = """
            namespace App
            {
                internal static class Usage
                {
                    internal static object Use(Wiro.WiroClient client) => (client.LtxVideoText2Video, client.SecondTool()); // C# 12 here: an extension method
                }
            }
            """;
        var consumer = GeneratorHarness.CreateCompilation(usage).AddReferences(libraryReference);
        var run = GeneratorHarness.Run([Second], compilation: consumer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("Wiro.Core.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Keys, key => key.EndsWith("WiroTaskStatus.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompilerProblems);
    }
}
