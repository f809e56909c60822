using Wiro.Generator.Emitting;
using Wiro.Specs;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// What a tool's source is written from, and nothing else: no diagnostics (they travel in their own output), so a
/// warning that only moves (a blank line added above an input) leaves this value equal and the source cached.
/// </summary>
/// <param name="Plan">The plan with the names the claims over all specs gave it; null when the spec generates no tool.</param>
/// <param name="Function">The tool as an AI function, when the compilation gets AI functions; else null.</param>
/// <param name="Adapters">The Microsoft.Extensions.AI clients the tool is written as: those the compilation has the abstractions of; else null.</param>
public sealed record ToolOutput(string FilePath, ToolPlan? Plan, EmitContext Context, FunctionPlan? Function = null, AdapterPlans? Adapters = null)
{
    public static ToolOutput From(ToolResult tool, NameClaims claims, EmitContext context)
    {
        var names = claims.For(tool.FilePath)?.Names;
        var plan = tool.Plan is { } planned && names is not null && context.AmbiguousCoreOwners.Count == 0
            ? planned with { Names = names }
            : null;
        var ai = plan is not null && context.EmitAIFunctions;
        return new ToolOutput(tool.FilePath, plan, context, ai ? tool.Function : null, ai && tool.Adapters is { } adapters ? context.Supported(adapters) : null);
    }
}
