using Wiro.Specs;
using Wiro.Generator.Planning;

namespace Wiro.Generator.Pipeline;

/// <summary>What one spec contributes: its plan (null when unusable), its status section and its diagnostics.</summary>
/// <param name="Function">The tool as an AI function (<see cref="FunctionPlanner"/>); null with no plan.</param>
/// <param name="Adapters">The tool as Microsoft.Extensions.AI clients (<see cref="AdapterPlans"/>); null with no function plan.</param>
public sealed record ToolResult(
    string FilePath, ToolPlan? Plan, StatusSection? Statuses, EquatableArray<DiagnosticInfo> Diagnostics, FunctionPlan? Function = null, AdapterPlans? Adapters = null);
