using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Wiro.Generator.Diagnostics;
using Wiro.Generator.Emitting;
using Wiro.Specs;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Planning;

namespace Wiro.Generator;

/// <summary>
/// The steps the pipeline in <see cref="WiroGenerator"/> runs. Every step that touches a spec catches what it does
/// not expect and reports WIRO012 at that spec, so one bad file never stops the others (and never a CS8785).
/// Sources are written from models that hold no diagnostics, and diagnostics are reported from their own outputs
/// (as System.Text.Json's generator does), so a diagnostic that only moves regenerates no source.
/// </summary>
internal static class GeneratorSteps
{
    public static EmitContext CreateEmitContext(GeneratorOptions options, CompilationFacts facts, bool extensionProperties)
    {
        // A core reused from a referenced project may be internal (seen through InternalsVisibleTo): tools must
        // then be internal too, and override its protected internal members the way that assembly allows.
        var accessibility = facts.CoreIsReferenced && !facts.ReferencedCoreIsPublic ? "internal" : options.Accessibility;
        var overrideModifier = !facts.CoreIsReferenced || facts.ReferencedCoreGrantsInternals
            ? "protected internal override"
            : "protected override";
        var holdsCore = !facts.CoreIsReferenced && facts.CoreOwners.Count == 0;
        return new EmitContext(options.Namespace, accessibility, overrideModifier, facts.CoreIsReferenced, extensionProperties,
            EmitCore: options.EmitCore && !facts.CoreIsReferenced, facts.CoreOwners,
            EmitDependencyInjection: facts.HasDependencyInjection && holdsCore,
            EmitAIFunctions: facts.HasAIAbstractions && holdsCore,
            Media: facts.HasAIAbstractions ? facts.Media ?? MediaAbstractions.None : MediaAbstractions.None,
            MissingAITypes: holdsCore ? facts.MissingAITypes : EquatableArray<string>.Empty);
    }

    public static ToolResult BuildTool(SpecSource source, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = SpecParser.Parse(source.FilePath, source.Text, cancellationToken);
            if (parsed.Spec is null)
            {
                return new ToolResult(source.FilePath, null, null, parsed.Diagnostics);
            }

            var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
            var spec = parsed.Spec;
            if (source.Detail is { } detail)
            {
                diagnostics.AddRange(detail.Diagnostics);
                var (constrained, detailDiagnostics) = DetailReader.Apply(spec, detail);
                spec = constrained;
                diagnostics.AddRange(detailDiagnostics);
            }

            var typeName = source.TypeNameOverride;
            if (typeName is not null && TypeNameOption.Problem(typeName) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.InvalidTypeNameOption, FileStart(source.FilePath), typeName, problem));
                typeName = null;
            }

            var (plan, planDiagnostics) = ToolPlanner.Plan(spec, typeName, CoreVocabulary.MembersOf("WiroRequest"), cancellationToken);
            diagnostics.AddRange(planDiagnostics);
            var function = source.PlanFunction ? FunctionPlanner.Plan(spec, plan) : null;
            return new ToolResult(source.FilePath, plan, spec.Statuses, diagnostics.ToEquatableArray(),
                function, function is null ? null : AdapterPlans.Plan(spec, function));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ToolResult(source.FilePath, null, null, new[] { InternalError(source.FilePath, exception) }.ToEquatableArray());
        }
    }

    /// <summary>One spec's diagnostics, apart from its source: what the spec said and what the name claims said.</summary>
    public static EquatableArray<DiagnosticInfo> CollectToolDiagnostics(ToolResult tool, NameClaims claims)
    {
        var naming = claims.For(tool.FilePath)?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty;
        if (naming.Count == 0)
        {
            return tool.Diagnostics;
        }

        var all = new List<DiagnosticInfo>(tool.Diagnostics);
        all.AddRange(naming);
        return all.ToEquatableArray();
    }

    /// <summary>Diagnostics of the whole compilation: the options' and, when two references carry a core, that one.</summary>
    public static EquatableArray<DiagnosticInfo> CollectCompilationDiagnostics(GeneratorOptions options, EmitContext context)
    {
        if (context.AmbiguousCoreOwners.Count == 0 && context.MissingAITypes.Count == 0)
        {
            return options.Diagnostics;
        }

        var all = new List<DiagnosticInfo>(options.Diagnostics);
        if (context.AmbiguousCoreOwners.Count > 0)
        {
            all.Add(DiagnosticInfo.Create(DiagnosticId.AmbiguousCore, null, string.Join(", ", context.AmbiguousCoreOwners), context.Namespace));
        }

        if (context.MissingAITypes.Count > 0)
        {
            all.Add(DiagnosticInfo.Create(DiagnosticId.OutdatedAIAbstractions, null, string.Join(", ", context.MissingAITypes)));
        }

        return all.ToEquatableArray();
    }

    public static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    public static void EmitTool(SourceProductionContext context, ToolOutput output)
    {
        if (output.Plan is not { } plan)
        {
            return;
        }

        try
        {
            context.AddSource(ToolFileEmitter.HintName(plan, output.Context),
                SourceText.From(ToolFileEmitter.Emit(plan, output.Context, output.Function, output.Adapters), Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalError(output.FilePath, exception).ToDiagnostic());
        }
    }

    public static void EmitStatus(SourceProductionContext context, (StatusPlan Plan, EmitContext Context) input)
    {
        if (!input.Context.CoreIsReferenced)
        {
            context.AddSource(GeneratedFile.HintName(input.Context, "WiroTaskStatus"), StatusEmitter.Emit(input.Plan, input.Context));
        }
    }

    /// <summary>The core, and with it the fixed part of <c>AddWiro</c> where the DI abstractions are referenced.</summary>
    public static void EmitCore(SourceProductionContext context, EmitContext emitContext)
    {
        if (!emitContext.EmitCore || emitContext.AmbiguousCoreOwners.Count > 0)
        {
            return;
        }

        foreach (var (hintName, source) in CoreEmitter.Emit(emitContext))
        {
            context.AddSource(hintName, source);
        }
    }

    /// <summary>
    /// The tool registrations of <c>AddWiro</c>. Written even when the project compiles the core itself
    /// (<c>WiroEmitCore=false</c>): its specs are still this generator's to register.
    /// </summary>
    public static void EmitDependencyInjection(SourceProductionContext context, (NameClaims Claims, EmitContext Context) input)
    {
        if (input.Context.EmitDependencyInjection && DependencyInjectionEmitter.HasTools(input.Claims))
        {
            context.AddSource(GeneratedFile.HintName(input.Context, "WiroServiceCollectionExtensions"),
                DependencyInjectionEmitter.Emit(input.Claims, input.Context));
        }
    }

    /// <summary>
    /// The tools of <c>WiroClient.AsAIFunctions</c>. Written even when the project compiles the core itself
    /// (<c>WiroEmitCore=false</c>), as the <c>AddWiro</c> registrations are.
    /// </summary>
    public static void EmitAIFunctions(SourceProductionContext context, (NameClaims Claims, EmitContext Context) input)
    {
        if (input.Context.EmitAIFunctions && DependencyInjectionEmitter.HasTools(input.Claims))
        {
            context.AddSource(GeneratedFile.HintName(input.Context, "WiroClient.AIFunctions"), AIFunctionsEmitter.Emit(input.Claims, input.Context));
        }
    }

    private static DiagnosticInfo InternalError(string filePath, Exception exception)
        => DiagnosticInfo.Create(DiagnosticId.InternalError, FileStart(filePath), exception.GetType().Name + ": " + exception.Message);

    private static LocationInfo FileStart(string filePath)
        => new(filePath, default, default);
}
