using Wiro.Generator.Planning;
using Wiro.Specs;

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
            WritePartialAccessor(writer, plan, context);
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

        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        // Not sealed, with virtual calls and a protected parameterless constructor, so a user's tests can substitute it
        // (the Azure SDK's pattern): an interface per tool would be one more name per tool to claim.
        writer.Line(context.Accessibility + " partial class " + plan.Names.Client).OpenBlock();
        writer.Summary("The owner segment of the tool's Run endpoint.");
        writer.Line("public const string Owner = " + Escape.StringLiteral(plan.Owner) + ";");
        writer.Line();
        writer.Summary("The model segment of the tool's Run endpoint.");
        writer.Line("public const string Model = " + Escape.StringLiteral(plan.Slug) + ";");
        writer.Line();
        writer.Line("private readonly " + context.Qualify("WiroClient") + "? _client;");
        writer.Line();
        writer.Summary("For mocking in tests: a client made this way has no <c>WiroClient</c>, so a call not overridden throws <see cref=\"global::System.InvalidOperationException\"/>.");
        writer.Line("protected " + plan.Names.Client + "()").OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Summary("Creates the tool client over a <see cref=\"" + context.Qualify("WiroClient") + "\"/>, which signs and sends its requests.");
        writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
        writer.Line("public " + plan.Names.Client + "(" + context.Qualify("WiroClient") + " client)").OpenBlock();
        writer.Line("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        writer.CloseBlock();
        writer.Line();
        writer.Summary("Starts a task and returns as soon as Wiro has queued it.");
        writer.Line("/// <param name=\"request\">The tool's inputs.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Line("/// <returns>The task id and socket access token of the new task.</returns>");
        writer.Line("public virtual global::System.Threading.Tasks.Task<" + context.Qualify("WiroRunResult") + "> RunAsync(" + context.Qualify(plan.Names.Request)
                    + " request, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => Client.RunAsync(Owner, Model, request, cancellationToken);");
        writer.Line();
        writer.Summary("Starts a task and waits until it ends, reporting progress on the way.");
        writer.Line("/// <param name=\"request\">The tool's inputs.</param>");
        writer.Line("/// <param name=\"progress\">Receives status changes, progress and log lines; may be null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops waiting (and, if configured, kills the task).</param>");
        writer.Line("/// <returns>The outcome of the task, with its outputs when it succeeded.</returns>");
        writer.Line("public virtual global::System.Threading.Tasks.Task<" + context.Qualify("WiroTaskResult") + "> RunAndWaitAsync(" + context.Qualify(plan.Names.Request) + " request,");
        writer.Line("    global::System.IProgress<" + context.Qualify("WiroTaskUpdate") + ">? progress = null,");
        writer.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => Client.RunAndWaitAsync(Owner, Model, request, progress, cancellationToken);");
        writer.Line();
        writer.Line("private " + context.Qualify("WiroClient") + " Client => _client ?? throw new global::System.InvalidOperationException(");
        writer.Line("    \"This client was made for mocking (protected constructor): override the calls the test uses.\");");
        writer.CloseBlock();
    }

    private static void WritePartialAccessor(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var field = plan.Names.ClientField;
        var client = context.Qualify(plan.Names.Client);
        writer.Line("partial class WiroClient").OpenBlock();
        writer.Line("private " + client + "? " + field + ";");
        writer.Line();
        writer.Summary("The Wiro tool <c>" + Escape.XmlDocText(plan.ToolName) + "</c>.");
        writer.Line("public " + client + " " + plan.Names.Stem + " => " + field + " ??= new " + client + "(this);");
        writer.CloseBlock();
    }

    /// <summary>
    /// When the core lives in a referenced project its <c>WiroClient</c> cannot take more partial members, so the
    /// tool is reached through an extension: a property on C# 14, a method before it.
    /// </summary>
    private static void WriteExtensionAccessor(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var doc = "The Wiro tool <c>" + Escape.XmlDocText(plan.ToolName) + "</c>.";
        var client = context.Qualify(plan.Names.Client);
        var wiroClient = context.Qualify("WiroClient");
        writer.Summary("Reaches <see cref=\"" + client + "\"/> from a <see cref=\"" + wiroClient + "\"/>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line(context.Accessibility + " static partial class " + plan.Names.Extensions).OpenBlock();
        if (context.SupportsExtensionProperties)
        {
            writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
            writer.Line("extension(" + wiroClient + " client)").OpenBlock();
            writer.Summary(doc);
            writer.Line("public " + client + " " + plan.Names.Stem + " => new " + client + "(client);");
            writer.CloseBlock();
        }
        else
        {
            writer.Summary(doc);
            writer.Line("/// <param name=\"client\">The client that signs and sends requests.</param>");
            writer.Line("/// <returns>A client for the tool.</returns>");
            writer.Line("public static " + client + " " + plan.Names.Stem + "(this " + wiroClient + " client) => new " + client + "(client);");
        }

        writer.CloseBlock();
    }
}
