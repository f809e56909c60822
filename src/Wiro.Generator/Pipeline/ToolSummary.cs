using Wiro.Generator.Model;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// What the compilation-wide steps (type-name claims, the merged status enum) need from one spec. Kept apart from the
/// whole <see cref="ToolResult"/> so that editing a spec's inputs or descriptions leaves its summary unchanged, and the
/// steps over all specs are not run again.
/// </summary>
public sealed record ToolSummary(string? TypeName, string FilePath, StatusSection? Statuses)
{
    public static ToolSummary From(ToolResult tool) => new(tool.Plan?.TypeName, tool.FilePath, tool.Statuses);
}
