using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Wiro.Generator.Diagnostics;
using Wiro.Generator.Emitting;
using Wiro.Specs;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Planning;

namespace Wiro.Generator;

/// <summary>
/// The steps the pipeline in <see cref="WiroGenerator"/> runs. Every step that touches a spec catches what it does
/// not expect and reports WIRO012 at that spec, so one bad file never stops the others (and never a CS8785).
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
        return new EmitContext(options.Namespace, accessibility, overrideModifier, facts.CoreIsReferenced, extensionProperties,
            EmitCore: options.EmitCore && !facts.CoreIsReferenced, facts.CoreOwners,
            EmitDependencyInjection: facts.HasDependencyInjection && !facts.CoreIsReferenced && facts.CoreOwners.Count == 0);
    }

    public static ToolOutput CreateToolOutput(ToolResult tool, NameClaims claims, EmitContext context)
        => new(tool, claims.For(tool.FilePath), context);

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
            var typeName = source.TypeNameOverride;
            if (typeName is not null && TypeNameOption.Problem(typeName) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.InvalidTypeNameOption, FileStart(source.FilePath), typeName, problem));
                typeName = null;
            }

            var (plan, planDiagnostics) = ToolPlanner.Plan(parsed.Spec, typeName, CoreVocabulary.MembersOf("WiroRequest"), cancellationToken);
            diagnostics.AddRange(planDiagnostics);
            return new ToolResult(source.FilePath, plan, parsed.Spec.Statuses, diagnostics.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ToolResult(source.FilePath, null, null, new[] { InternalError(source.FilePath, exception) }.ToEquatableArray());
        }
    }

    public static void EmitTool(SourceProductionContext context, ToolOutput output)
    {
        try
        {
            foreach (var diagnostic in output.Tool.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            foreach (var diagnostic in output.Naming?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (output.Tool.Plan is null || output.Naming?.Names is not { } names || output.Context.AmbiguousCoreOwners.Count > 0)
            {
                return;
            }

            var plan = output.Tool.Plan with { Names = names };
            context.AddSource(ToolFileEmitter.HintName(plan, output.Context),
                Microsoft.CodeAnalysis.Text.SourceText.From(ToolFileEmitter.Emit(plan, output.Context), System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalError(output.Tool.FilePath, exception).ToDiagnostic());
        }
    }

    public static void EmitStatus(SourceProductionContext context, (StatusPlan Plan, EmitContext Context) input)
    {
        if (!input.Context.CoreIsReferenced)
        {
            context.AddSource(GeneratedFile.HintName(input.Context, "WiroTaskStatus"), StatusEmitter.Emit(input.Plan, input.Context));
        }
    }

    public static void EmitCore(SourceProductionContext context, EmitContext emitContext)
    {
        if (emitContext.AmbiguousCoreOwners.Count > 0)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticId.AmbiguousCore, null,
                string.Join(", ", emitContext.AmbiguousCoreOwners), emitContext.Namespace).ToDiagnostic());
            return;
        }

        if (!emitContext.EmitCore)
        {
            return;
        }

        foreach (var (hintName, source) in CoreEmitter.Emit(emitContext))
        {
            context.AddSource(hintName, source);
        }
    }

    public static void EmitDependencyInjection(SourceProductionContext context, (NameClaims Claims, EmitContext Context) input)
    {
        if (input.Context.EmitDependencyInjection)
        {
            context.AddSource(GeneratedFile.HintName(input.Context, "WiroServiceCollectionExtensions"),
                DependencyInjectionEmitter.Emit(input.Claims, input.Context));
        }
    }

    public static void ReportOptionDiagnostics(SourceProductionContext context, GeneratorOptions options)
    {
        foreach (var diagnostic in options.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static DiagnosticInfo InternalError(string filePath, Exception exception)
        => DiagnosticInfo.Create(DiagnosticId.InternalError, FileStart(filePath), exception.GetType().Name + ": " + exception.Message);

    private static LocationInfo FileStart(string filePath)
        => new(filePath, default, default);
}
