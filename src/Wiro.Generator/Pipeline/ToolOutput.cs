using Wiro.Generator.Emitting;

namespace Wiro.Generator.Pipeline;

/// <summary>A tool ready to emit: its result, the names the claims over all specs gave it, the context.</summary>
/// <param name="Naming">Null when the spec generates no tool.</param>
public sealed record ToolOutput(ToolResult Tool, ToolNaming? Naming, EmitContext Context);
