using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary><c>AddWiro</c> is generated only where the DI abstractions are referenced, compiles clean there, and caches.</summary>
public sealed class DependencyInjectionTests
{
    private const string HintName = "Wiro.WiroServiceCollectionExtensions.g.cs";

    // The ASP.NET Core shared framework (through the emulator) is loaded in the test process: its assemblies stand in
    // for a web project's references.
    private static readonly MetadataReference[] DependencyInjectionReferences =
    [
        .. new[]
        {
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions),
            typeof(Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions),
            typeof(Microsoft.Extensions.Options.OptionsBuilder<>),
            typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.Configuration.ConfigurationBinder),
            typeof(Microsoft.Extensions.Logging.LoggerMessage),
        }.Select(type => type.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
    ];

    private static readonly SpecInput[] Specs =
    [
        new("/specs/a.wiro.md", new SpecBuilder("acme", "tool-a").Input("prompt", "textarea", "p").Build()),
        new("/specs/b.wiro.md", new SpecBuilder("acme", "tool-b").Input("prompt", "textarea", "p").Build()),
    ];

    [Fact]
    public void A_console_compilation_gets_no_AddWiro()
    {
        var run = GeneratorHarness.Run(Specs);

        Assert.DoesNotContain(HintName, run.Sources.Keys);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_compilation_with_the_DI_abstractions_gets_AddWiro_registering_every_tool_and_compiles_clean()
    {
        var run = GeneratorHarness.Run(Specs, compilation: WebCompilation());

        var source = run.Sources[HintName];
        Assert.Contains("namespace Microsoft.Extensions.DependencyInjection", source, StringComparison.Ordinal);
        Assert.Contains("new global::Wiro.ToolAClient(", source, StringComparison.Ordinal);
        Assert.Contains("new global::Wiro.ToolBClient(", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void An_unrelated_edit_in_a_web_compilation_leaves_AddWiro_cached()
    {
        var compilation = WebCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Specs), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", GeneratorHarness.ParseOptions));
        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(HintName, first.Sources.Keys);
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static CSharpCompilation WebCompilation()
        => GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(DependencyInjectionReferences);
}
