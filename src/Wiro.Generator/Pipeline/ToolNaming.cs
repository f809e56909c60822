using Wiro.Specs;
using Wiro.Generator.Planning;

namespace Wiro.Generator.Pipeline;

/// <summary>The names one spec was given over the whole compilation, and what the claims said about them.</summary>
/// <param name="Names">The final names; null when the spec must not generate (the same tool twice).</param>
public sealed record ToolNaming(string FilePath, ToolNames? Names, EquatableArray<DiagnosticInfo> Diagnostics);
