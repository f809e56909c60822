using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>The pipeline caches: unrelated edits cost nothing, one spec's edit regenerates only that spec.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.EmitContext, TrackingNames.SpecSource, TrackingNames.Details, TrackingNames.PairedSpec, TrackingNames.Tool, TrackingNames.Summary,
        TrackingNames.Claims, TrackingNames.Statuses, TrackingNames.ToolOutput, TrackingNames.ToolDiagnostics,
        TrackingNames.CompilationDiagnostics,
    ];

    private static List<SpecInput> ManySpecs(int count)
        => Enumerable.Range(0, count)
            .Select(i => new SpecInput($"/specs/tool{i:D2}.wiro.md",
                new SpecBuilder("acme", $"tool-{i:D2}")
                    .Input("prompt", "textarea", $"prompt {i}")
                    .Input("steps", "number", "20")
                    .Input("ratio", "select", "1:1", options: [("1:1", "1:1"), ("16:9", "16:9")])
                    .Build()))
            .ToList();

    [Fact]
    public void Unrelated_code_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public class A { } }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(ManySpecs(10)), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", GeneratorHarness.ParseOptions));
        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            var outputs = second.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{name} was {output.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_spec_among_many_regenerates_only_that_spec()
    {
        var specs = ManySpecs(20);
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs, out var texts), compilation);

        var edited = specs[7] with { Text = specs[7].Text.Replace("prompt 7", "a new default prompt") };
        var driver = first.Driver.ReplaceAdditionalText(texts[7], new InMemoryAdditionalText(edited.Path, edited.Text));
        var second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var toolReasons = second.TrackedSteps[TrackingNames.ToolOutput].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(20, toolReasons.Count);
        Assert.Equal(1, toolReasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(19, toolReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // A default prompt is not part of the spec's summary (type name, statuses), so the steps over all specs,
        // the merged status enum and the type-name claims, are not even run again.
        var summaryReasons = second.TrackedSteps[TrackingNames.Summary].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, summaryReasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        Assert.Equal(19, summaryReasons.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.All(second.TrackedSteps[TrackingNames.Statuses].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(second.TrackedSteps[TrackingNames.Claims].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_warning_that_only_moves_is_reported_at_its_new_line_and_regenerates_no_source()
    {
        var spec = new SpecInput("/specs/odd.wiro.md", new SpecBuilder("acme", "odd-tool")
            .Input("prompt", "textarea", "p")
            .Input("tint", "colorwheel", "#fff")
            .Build());
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], out var texts), compilation);
        var before = Assert.Single(first.GeneratorDiagnostics, d => d.Id == "WIRO003").Location.GetLineSpan().StartLinePosition.Line;

        // A blank line above the inputs moves the WIRO003 at "type: colorwheel" one line down and changes nothing else.
        var moved = spec with { Text = spec.Text.Replace("## Model Inputs:", "\n## Model Inputs:", StringComparison.Ordinal) };
        var driver = first.Driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(moved.Path, moved.Text));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var second = driver.GetRunResult().Results.Single();

        Assert.Equal(before + 1, Assert.Single(diagnostics, d => d.Id == "WIRO003").Location.GetLineSpan().StartLinePosition.Line);
        Assert.All(second.TrackedSteps[TrackingNames.Tool].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.TrackedSteps[TrackingNames.ToolDiagnostics].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.TrackedSteps[TrackingNames.ToolOutput].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"ToolOutput was {o.Reason}"));

        // The source output fed by ToolOutput is not run again; only the diagnostics output is.
        var outputs = second.TrackedOutputSteps.SelectMany(step => step.Value).ToList();
        var toolSource = Assert.Single(outputs, step => step.Inputs.Any(input => input.Source.Name == TrackingNames.ToolOutput));
        Assert.All(toolSource.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        var reported = Assert.Single(outputs, step => step.Inputs.Any(input => input.Source.Name == TrackingNames.ToolDiagnostics));
        Assert.All(reported.Outputs, o => Assert.NotEqual(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources["Wiro.Tools.OddTool.g.cs"], second.GeneratedSources.Single(s => s.HintName == "Wiro.Tools.OddTool.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_compilation_symbol_or_syntax()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(ManySpecs(3)), GeneratorHarness.CreateCompilation());
        var result = run.Driver.GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertHoldsNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertHoldsNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel,
            $"Step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertHoldsNoRoslynObjects(item, step, seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
