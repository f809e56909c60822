using Wiro.Specs;
using Wiro.Generator.Planning;

namespace Wiro.Generator.Pipeline;

/// <summary>What one spec contributes: its plan (null when unusable), its status section and its diagnostics.</summary>
public sealed record ToolResult(string FilePath, ToolPlan? Plan, StatusSection? Statuses, EquatableArray<DiagnosticInfo> Diagnostics);
