namespace Wiro.Generator.Pipeline;

/// <summary>Names of pipeline steps, so caching tests can check each one.</summary>
public static class TrackingNames
{
    public const string EmitContext = nameof(EmitContext);
    public const string SpecSource = nameof(SpecSource);
    public const string Tool = nameof(Tool);
    public const string Summary = nameof(Summary);
    public const string Claims = nameof(Claims);
    public const string Statuses = nameof(Statuses);
    public const string ToolOutput = nameof(ToolOutput);
}
