using System.Linq;
using Microsoft.CodeAnalysis;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator;

/// <summary>
/// Reads Wiro tool-spec pages (AdditionalFiles named <c>*.wiro.md</c>), each with the Tool/Detail answer saved beside it
/// when there is one (<c>*.wiro.json</c>: required inputs and ranges), and writes a typed, signed client for each.
/// This file only wires the incremental pipeline; each step lives in <see cref="GeneratorSteps"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WiroGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions));

        var facts = context.CompilationProvider.Combine(options)
            .Select(static (pair, _) => CompilationFacts.Read(pair.Left, pair.Right.Namespace));

        var extensionProperties = context.ParseOptionsProvider
            .Select(static (parseOptions, _) => CompilationFacts.SupportsExtensionProperties(parseOptions));

        var emitContext = options.Combine(facts).Combine(extensionProperties)
            .Select(static (tuple, _) => GeneratorSteps.CreateEmitContext(tuple.Left.Left, tuple.Left.Right, tuple.Right))
            .WithTrackingName(TrackingNames.EmitContext);

        // Tool/Detail files (*.wiro.json) are read one by one, then collected so each spec finds its own by name. Editing
        // one reruns only the cheap pairing for every spec; the spec whose detail changed is the only one rebuilt.
        // Filtered by name first, so the step that reads holds only the detail files, not one entry per spec.
        var details = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsDetailFile(file.Path))
            .Select(static (file, ct) => SpecSource.DetailFrom(file, ct)!)
            .WithTrackingName(TrackingNames.Detail)
            .Collect()
            .Select(static (all, _) => DetailSet.From(all!))
            .WithTrackingName(TrackingNames.Details);

        // Whether tools are planned as AI functions too: a bool, so a spec is planned again only when it flips. It
        // travels with the details in one singleton, so pairing a spec with both costs one per-spec step, not two.
        var pairing = details.Combine(facts.Select(static (facts, _) => facts.HasAIAbstractions));

        var tools = context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => SpecSource.From(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static source => source is not null)
            .WithTrackingName(TrackingNames.SpecSource)
            .Combine(pairing)
            .Select(static (pair, _) => pair.Left! with { Detail = pair.Right.Left.For(pair.Left!.FilePath), PlanFunction = pair.Right.Right })
            .WithTrackingName(TrackingNames.PairedSpec)
            .Select(static (source, ct) => GeneratorSteps.BuildTool(source, ct))
            .WithTrackingName(TrackingNames.Tool);

        // Compilation-wide facts come from one collection of small per-tool summaries: an edit that keeps a spec's
        // type name and statuses leaves the collection cached, so nothing runs over all specs again.
        var summaries = tools
            .Select(static (tool, _) => ToolSummary.From(tool))
            .WithTrackingName(TrackingNames.Summary)
            .Collect();

        var claims = summaries.Combine(facts)
            .Select(static (pair, _) => NameClaims.From(pair.Left, pair.Right.ReferencedNames))
            .WithTrackingName(TrackingNames.Claims);

        var statuses = summaries
            .Select(static (all, _) => StatusPlan.Merge(all.Select(static tool => tool.Statuses).Where(static section => section is not null)!))
            .WithTrackingName(TrackingNames.Statuses);

        // One pairing of each tool with the claims serves its source and its diagnostics (a step per spec costs a table of
        // every spec on every run).
        var toolsWithClaims = tools.Combine(claims.Combine(emitContext));

        var toolOutputs = toolsWithClaims
            .Select(static (pair, _) => ToolOutput.From(pair.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.ToolOutput);

        var toolDiagnostics = toolsWithClaims
            .Select(static (pair, _) => GeneratorSteps.CollectToolDiagnostics(pair.Left, pair.Right.Left))
            .WithTrackingName(TrackingNames.ToolDiagnostics);

        var compilationDiagnostics = options.Combine(emitContext)
            .Select(static (pair, _) => GeneratorSteps.CollectCompilationDiagnostics(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CompilationDiagnostics);

        // Sources come from models without diagnostics, diagnostics from their own outputs: a warning whose location
        // moves changes only its spec's diagnostics, and the tool's source stays cached.
        context.RegisterSourceOutput(toolOutputs, GeneratorSteps.EmitTool);
        context.RegisterSourceOutput(statuses.Combine(emitContext), GeneratorSteps.EmitStatus);
        context.RegisterSourceOutput(emitContext, GeneratorSteps.EmitCore);
        context.RegisterSourceOutput(claims.Combine(emitContext), GeneratorSteps.EmitDependencyInjection);
        context.RegisterSourceOutput(claims.Combine(emitContext), GeneratorSteps.EmitAIFunctions);
        context.RegisterSourceOutput(toolDiagnostics, GeneratorSteps.ReportDiagnostics);
        context.RegisterSourceOutput(compilationDiagnostics, GeneratorSteps.ReportDiagnostics);
    }
}
