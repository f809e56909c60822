namespace Wiro.Specs;

/// <summary>The outcome of parsing one spec file: a model when usable, and what was wrong with it.</summary>
public sealed record SpecParseResult(ToolSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
