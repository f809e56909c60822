using Wiro.Generator.Pipeline;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes what the AI functions need from the specs: per tool, in its client, the descriptor (constants from the
/// spec's <see cref="FunctionPlan"/>, every string through <see cref="Escape"/>) and <c>AsAIFunction</c>; per
/// compilation, the tools of <c>WiroClient.AsAIFunctions</c> (the partial method the core's AI part calls). The
/// function itself is the core's <c>WiroToolFunction</c>: no per-tool logic is generated.
/// </summary>
internal static class AIFunctionsEmitter
{
    /// <summary>The members a tool's client gets: <c>FunctionDescriptor</c> and <c>AsAIFunction</c>.</summary>
    public static void WriteClientMembers(SourceWriter writer, FunctionPlan function, EmitContext context)
    {
        var descriptor = context.Qualify("WiroToolFunctionDescriptor");
        var input = context.Qualify("WiroToolFunctionInput");
        var kind = context.Qualify("WiroToolInputKind");
        writer.WriteLine($$"""

            /// <summary>
            /// This tool as an AI function's data: its name, description, JSON Schema and inputs, from the spec. <see cref="AsAIFunction"/>
            /// makes the function from it; the core's <see cref="{{context.Qualify("WiroToolFunction")}}"/> does the work.
            /// </summary>
            public static {{descriptor}} FunctionDescriptor { get; } = new {{descriptor}}(
                {{Escape.StringLiteral(function.Name)}},
                {{Escape.StringLiteral(function.Description)}},
                {{Escape.StringLiteral(function.JsonSchema)}},
                Owner,
                Model,
                {{Escape.StringLiteral(function.Title)}},
                new {{input}}[]
                {
            """);
        writer.Indentation += 2;
        foreach (var item in function.Inputs)
        {
            var defaultValue = item.Default is { } text ? Escape.StringLiteral(text) : "null";
            var allowed = "null";
            if (item.AllowedValues.Count > 0)
            {
                var literals = new string[item.AllowedValues.Count];
                for (var i = 0; i < literals.Length; i++)
                {
                    literals[i] = Escape.StringLiteral(item.AllowedValues[i]);
                }

                allowed = "new string[] { " + string.Join(", ", literals) + " }";
            }

            writer.WriteLine($"new {input}({Escape.StringLiteral(item.Key)}, {kind}.{item.Kind}, {defaultValue}, {allowed}),");
        }

        writer.Indentation -= 2;
        writer.WriteLine($$"""
                });

            /// <summary>
            /// This tool as an AI function (<see cref="global::Microsoft.Extensions.AI.AIFunction"/>) for a chat client's tools or an MCP
            /// server. Its arguments are checked against the spec before anything is sent; each call is a paid run, followed to its end.
            /// </summary>
            /// <param name="requireApproval">True to wrap it in <see cref="global::Microsoft.Extensions.AI.ApprovalRequiredAIFunction"/>, so that a
            /// function-invoking chat client asks the caller before each run.</param>
            /// <returns>The function, over this client's <c>WiroClient</c>.</returns>
            public virtual global::Microsoft.Extensions.AI.AIFunction AsAIFunction(bool requireApproval = false)
                => {{context.Qualify("WiroToolFunction")}}.Create(Client, FunctionDescriptor, requireApproval);
            """);
    }

    /// <summary>The partial method <c>AddToolFunctions</c> of <c>WiroClient</c>: one function per tool, in claim order.</summary>
    public static string Emit(NameClaims claims, EmitContext context)
    {
        var writer = GeneratedFile.Begin(context.Namespace);
        writer.WriteLine("""
            partial class WiroClient
            {
                partial void AddToolFunctions(global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIFunction> functions, bool requireApproval)
                {
            """);
        writer.Indentation += 2;
        foreach (var naming in claims.Tools)
        {
            if (naming.Names is { } names)
            {
                writer.WriteLine($"functions.Add({context.Qualify("WiroToolFunction")}.Create(this, {context.Qualify(names.Client)}.FunctionDescriptor, requireApproval));");
            }
        }

        writer.Indentation -= 2;
        writer.WriteLine("""
                }
            }
            """);
        return GeneratedFile.End(writer);
    }
}
