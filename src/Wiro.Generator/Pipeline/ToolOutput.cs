using Wiro.Generator.Emitting;

namespace Wiro.Generator.Pipeline;

/// <summary>A tool ready to emit: its result, the other file that already owns its type name (if any), the context.</summary>
public sealed record ToolOutput(ToolResult Tool, string? TypeNameOwner, EmitContext Context);
