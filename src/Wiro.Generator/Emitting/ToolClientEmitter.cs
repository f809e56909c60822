using Wiro.Generator.Planning;

namespace Wiro.Generator.Emitting;

/// <summary>Writes a tool's typed client and the <c>WiroClient</c> member that reaches it.</summary>
internal static class ToolClientEmitter
{
    public static void Write(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        WriteClient(writer, plan, context);
        writer.Line();
        if (context.CoreIsReferenced)
        {
            WriteExtensionAccessor(writer, plan, context);
        }
        else
        {
            WritePartialAccessor(writer, plan);
        }
    }

    private static void WriteClient(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var tool = Escape.XmlDocText(plan.ToolName);
        writer.Summary("Runs the Wiro tool <c>" + tool + "</c>.");
        if (plan.Description.Length > 0)
        {
            writer.Line("/// <remarks>" + Escape.XmlDocText(plan.Description) + "</remarks>");
        }

        writer.Line(context.Accessibility + " sealed partial class " + plan.ClientTypeName).OpenBlock();
        writer.Summary("The owner segment of the tool's Run endpoint.");
        writer.Line("public const string Owner = " + Escape.StringLiteral(plan.Owner) + ";");
        writer.Line();
        writer.Summary("The model segment of the tool's Run endpoint.");
        writer.Line("public const string Model = " + Escape.StringLiteral(plan.Slug) + ";");
        writer.Line();
        writer.Line("private readonly WiroClient _client;");
        writer.Line();
        writer.Summary("Creates the tool client over a <see cref=\"WiroClient\"/>, which signs and sends its requests.");
        writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
        writer.Line("public " + plan.ClientTypeName + "(WiroClient client)").OpenBlock();
        writer.Line("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        writer.CloseBlock();
        writer.Line();
        writer.Summary("Starts a task and returns as soon as Wiro has queued it.");
        writer.Line("/// <param name=\"request\">The tool's inputs.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Line("/// <returns>The task id and socket access token of the new task.</returns>");
        writer.Line("public global::System.Threading.Tasks.Task<WiroRunResult> RunAsync(" + plan.RequestTypeName
                    + " request, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => _client.RunAsync(Owner, Model, request, cancellationToken);");
        writer.Line();
        writer.Summary("Starts a task and waits until it ends, reporting progress on the way.");
        writer.Line("/// <param name=\"request\">The tool's inputs.</param>");
        writer.Line("/// <param name=\"progress\">Receives status changes, progress and log lines; may be null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops waiting (and, if configured, kills the task).</param>");
        writer.Line("/// <returns>The outcome of the task, with its outputs when it succeeded.</returns>");
        writer.Line("public global::System.Threading.Tasks.Task<WiroTaskResult> RunAndWaitAsync(" + plan.RequestTypeName + " request,");
        writer.Line("    global::System.IProgress<WiroTaskUpdate>? progress = null,");
        writer.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => _client.RunAndWaitAsync(Owner, Model, request, progress, cancellationToken);");
        writer.CloseBlock();
    }

    private static void WritePartialAccessor(SourceWriter writer, ToolPlan plan)
    {
        var field = "_tool" + plan.TypeName;
        writer.Line("partial class WiroClient").OpenBlock();
        writer.Line("private " + plan.ClientTypeName + "? " + field + ";");
        writer.Line();
        writer.Summary("The Wiro tool <c>" + Escape.XmlDocText(plan.ToolName) + "</c>.");
        writer.Line("public " + plan.ClientTypeName + " " + plan.TypeName + " => " + field + " ??= new " + plan.ClientTypeName + "(this);");
        writer.CloseBlock();
    }

    /// <summary>
    /// When the core lives in a referenced project its <c>WiroClient</c> cannot take more partial members, so the
    /// tool is reached through an extension: a property on C# 14, a method before it.
    /// </summary>
    private static void WriteExtensionAccessor(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var doc = "The Wiro tool <c>" + Escape.XmlDocText(plan.ToolName) + "</c>.";
        writer.Summary("Reaches <see cref=\"" + plan.ClientTypeName + "\"/> from a <see cref=\"WiroClient\"/>.");
        writer.Line(context.Accessibility + " static partial class " + plan.ClientTypeName + "Extensions").OpenBlock();
        if (context.SupportsExtensionProperties)
        {
            writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
            writer.Line("extension(WiroClient client)").OpenBlock();
            writer.Summary(doc);
            writer.Line("public " + plan.ClientTypeName + " " + plan.TypeName + " => new " + plan.ClientTypeName + "(client);");
            writer.CloseBlock();
        }
        else
        {
            writer.Summary(doc);
            writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
            writer.Line("/// <returns>A client for the tool.</returns>");
            writer.Line("public static " + plan.ClientTypeName + " " + plan.TypeName + "(this WiroClient client) => new " + plan.ClientTypeName + "(client);");
        }

        writer.CloseBlock();
    }
}
