using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>
/// AI functions are generated only where Microsoft.Extensions.AI.Abstractions is referenced (CompilationFacts), compile
/// clean there, leave other projects exactly as they were, and keep the pipeline cached.
/// </summary>
public sealed class AIFunctionTests
{
    private const string ToolsHintName = "Wiro.WiroClient.AIFunctions.g.cs";

    private static readonly MetadataReference AIAbstractions =
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location);

    private static readonly SpecInput[] Specs =
    [
        new("/specs/a.wiro.md", new SpecBuilder("acme", "tool-a").Input("prompt", "textarea", "p")
            .Input("ratio", "select", "16:9", options: [("16:9", "Wide"), ("1:1", "Square")]).Build()),
        new("/specs/b.wiro.md", new SpecBuilder("acme", "tool-b").Input("inputImage", "fileinput").Input("steps", "number", "30").Build()),
    ];

    [Fact]
    public void A_project_without_the_AI_abstractions_gets_nothing_new()
    {
        var run = GeneratorHarness.Run(Specs);

        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains(".AI.", StringComparison.Ordinal) || key.Contains("AIFunctions", StringComparison.Ordinal));
        Assert.All(run.Sources.Values, source =>
        {
            Assert.DoesNotContain("Microsoft.Extensions.AI", source, StringComparison.Ordinal);
            Assert.DoesNotContain("AsAIFunction", source, StringComparison.Ordinal);
            Assert.DoesNotContain("FunctionDescriptor", source, StringComparison.Ordinal);
        });
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void With_the_AI_abstractions_every_tool_gets_AsAIFunction_and_WiroClient_AsAIFunctions_and_it_compiles_clean()
    {
        var run = GeneratorHarness.Run(Specs, compilation: AICompilation());

        Assert.Contains("Wiro.AI.WiroToolFunction.g.cs", run.Sources.Keys);
        Assert.Contains("Wiro.AI.WiroClient.AIFunctions.g.cs", run.Sources.Keys);
        var tools = run.Sources[ToolsHintName];
        Assert.Contains("global::Wiro.ToolAClient.FunctionDescriptor", tools, StringComparison.Ordinal);
        Assert.Contains("global::Wiro.ToolBClient.FunctionDescriptor", tools, StringComparison.Ordinal);
        var toolA = run.Sources["Wiro.Tools.ToolA.g.cs"];
        Assert.Contains("public virtual global::Microsoft.Extensions.AI.AIFunction AsAIFunction(bool requireApproval = false)", toolA, StringComparison.Ordinal);
        Assert.Contains("""new global::Wiro.WiroToolFunctionInput("ratio", global::Wiro.WiroToolInputKind.String, "16:9", new string[] { "16:9", "1:1" }),""", toolA, StringComparison.Ordinal);
        Assert.Contains("""new global::Wiro.WiroToolFunctionInput("inputImageUrl", global::Wiro.WiroToolInputKind.FileUrl, null, null),""", run.Sources["Wiro.Tools.ToolB.g.cs"], StringComparison.Ordinal);
        Assert.Contains("\"acme__tool-a\"", toolA, StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void The_descriptor_holds_the_spec_layers_schema_through_the_one_escaping_path()
    {
        var spec = Specs[0];
        var parsed = Wiro.Specs.SpecParser.Parse(spec.Path, spec.Text, CancellationToken.None);
        var (plan, _) = Wiro.Specs.ToolPlanner.Plan(parsed.Spec!, null, [], CancellationToken.None);
        var function = Wiro.Specs.FunctionPlanner.Plan(parsed.Spec!, plan);

        var run = GeneratorHarness.Run(Specs, compilation: AICompilation());

        Assert.Contains(Wiro.Generator.Emitting.Escape.StringLiteral(function.JsonSchema), run.Sources["Wiro.Tools.ToolA.g.cs"], StringComparison.Ordinal);
        Assert.Contains(Wiro.Generator.Emitting.Escape.StringLiteral(function.Description), run.Sources["Wiro.Tools.ToolA.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_accessibility_and_another_namespace_compile_clean()
    {
        var run = GeneratorHarness.Run(Specs, new Dictionary<string, string> { ["WiroNamespace"] = "Acme.Clients", ["WiroAccessibility"] = "internal" },
            AICompilation());

        Assert.Contains("internal sealed class WiroToolFunction", run.Sources["Acme.Clients.AI.WiroToolFunction.g.cs"], StringComparison.Ordinal);
        Assert.Contains("global::Acme.Clients.WiroToolFunction.Create(this, global::Acme.Clients.ToolAClient.FunctionDescriptor", run.Sources["Acme.Clients.WiroClient.AIFunctions.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_project_that_compiles_the_core_itself_gets_the_tools_part_only()
    {
        var run = GeneratorHarness.Run(Specs, new Dictionary<string, string> { ["WiroEmitCore"] = "false" }, AICompilation());

        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains(".AI.", StringComparison.Ordinal));
        Assert.Contains("partial void AddToolFunctions(", run.Sources[ToolsHintName], StringComparison.Ordinal);
    }

    [Fact]
    public void The_fact_is_read_from_the_references_and_is_value_equal_across_compilations()
    {
        var without = CompilationFacts.Read(GeneratorHarness.CreateCompilation(), "Wiro");
        var with = CompilationFacts.Read(AICompilation(), "Wiro");
        var again = CompilationFacts.Read(AICompilation(), "Wiro");

        Assert.False(without.HasAIAbstractions);
        Assert.True(with.HasAIAbstractions);
        Assert.Equal(with, again);
        Assert.Equal(with.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void An_unrelated_edit_with_the_AI_abstractions_leaves_every_output_cached()
    {
        var compilation = AICompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Specs), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", GeneratorHarness.ParseOptions));
        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(ToolsHintName, first.Sources.Keys);
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.All(second.TrackedSteps[TrackingNames.EmitContext].SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, output.Reason.ToString()));
    }

    [Fact]
    public void Tools_are_planned_as_functions_only_where_the_reference_is()
    {
        static IEnumerable<ToolResult> Tools(GeneratorRun run) => run.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Tool]
            .SelectMany(step => step.Outputs).Select(output => (ToolResult)output.Value);

        var plain = GeneratorHarness.Run(Specs);
        var withAI = GeneratorHarness.Run(Specs, compilation: AICompilation());

        Assert.All(Tools(plain), tool => Assert.Null(tool.Function));
        Assert.Equal(["acme__tool-a", "acme__tool-b"], Tools(withAI).Select(tool => tool.Function!.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Adding_the_reference_changes_the_fact_and_regenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Specs), compilation);

        var second = first.Driver.RunGenerators(compilation.AddReferences(AIAbstractions)).GetRunResult();

        Assert.DoesNotContain(ToolsHintName, first.Sources.Keys);
        Assert.Contains(second.Results.Single().GeneratedSources, source => source.HintName == ToolsHintName);
        Assert.All(second.Results.Single().TrackedSteps[TrackingNames.EmitContext].SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Modified, output.Reason));
    }

    [Fact]
    public void A_tool_named_like_a_type_of_the_cores_AI_part_is_renamed_with_or_without_the_reference()
    {
        var specs = new[] { new SpecInput("/specs/c.wiro.md", new SpecBuilder("acme", "WiroToolFunction").Input("prompt", "text").Build()) };

        var plain = GeneratorHarness.Run(specs);
        var withAI = GeneratorHarness.Run(specs, compilation: AICompilation());

        Assert.Contains("Wiro.Tools.WiroToolFunctionTool.g.cs", plain.Sources.Keys);
        Assert.Contains("Wiro.Tools.WiroToolFunctionTool.g.cs", withAI.Sources.Keys);
        Assert.Empty(withAI.CompilerProblems);
    }

    private static CSharpCompilation AICompilation()
        => GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(AIAbstractions);
}
