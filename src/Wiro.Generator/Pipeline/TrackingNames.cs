namespace Wiro.Generator.Pipeline;

/// <summary>Names of pipeline steps, so caching tests can check each one.</summary>
public static class TrackingNames
{
    public const string EmitContext = nameof(EmitContext);
    public const string SpecSource = nameof(SpecSource);
    public const string Tool = nameof(Tool);

    /// <summary>One Tool/Detail file (<c>*.wiro.json</c>), read.</summary>
    public const string Detail = nameof(Detail);

    /// <summary>All Tool/Detail files, sorted for pairing.</summary>
    public const string Details = nameof(Details);

    /// <summary>A spec with the Tool/Detail file beside it.</summary>
    public const string PairedSpec = nameof(PairedSpec);
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
