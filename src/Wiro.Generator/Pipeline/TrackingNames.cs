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

    /// <summary>The model a tool's source is written from (<see cref="Pipeline.ToolOutput"/>).</summary>
    public const string ToolOutput = nameof(ToolOutput);

    /// <summary>One spec's diagnostics: its parse and plan warnings and what the name claims said about it.</summary>
    public const string ToolDiagnostics = nameof(ToolDiagnostics);

    /// <summary>Diagnostics of the whole compilation: invalid MSBuild options, an ambiguous core.</summary>
    public const string CompilationDiagnostics = nameof(CompilationDiagnostics);
}
