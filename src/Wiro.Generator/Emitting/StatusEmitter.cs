using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>Writes <c>WiroTaskStatus</c> and its wire-name and terminal-state helpers, once per compilation.</summary>
internal static class StatusEmitter
{
    public static string Emit(StatusPlan plan, EmitContext context)
    {
        var writer = GeneratedFile.Begin(context.Namespace);
        writer.Summary("The status of a Wiro task: the statuses Wiro documents, and those the specs in this project add.");
        writer.Line(context.Accessibility + " enum WiroTaskStatus").OpenBlock();
        writer.Summary("A status none of the specs lists; a task in it is still running.");
        writer.Line("Unknown = 0,");
        foreach (var member in plan.Members)
        {
            writer.Line();
            writer.Summary("<c>" + Escape.XmlDocText(member.WireName) + "</c>: " + Escape.XmlDocText(member.Description)
                           + (member.IsTerminal ? " Polling can stop." : ""));
            writer.Line(member.Name + ",");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Summary("Wire names and terminal states of <see cref=\"WiroTaskStatus\"/>.");
        writer.Line(context.Accessibility + " static partial class WiroTaskStatusExtensions").OpenBlock();
        writer.Summary("The name Wiro uses for <paramref name=\"status\"/>, e.g. <c>task_queue</c>.");
        writer.Line("/// <param name=\"status\">A status.</param>");
        writer.Line("/// <returns>The wire name, or <c>unknown</c> for <see cref=\"WiroTaskStatus.Unknown\"/>.</returns>");
        writer.Line("public static string ToWireName(this WiroTaskStatus status) => status switch").OpenBlock();
        foreach (var member in plan.Members)
        {
            writer.Line("WiroTaskStatus." + member.Name + " => " + Escape.StringLiteral(member.WireName) + ",");
        }

        writer.Line("_ => \"unknown\",");
        writer.CloseBlock(";");
        writer.Line();
        writer.Summary("True when polling can stop: <c>task_postprocess_end</c>, <c>task_cancel</c>, and a status Wiro does not document that a spec lists as completed. "
                       + "<c>task_error</c> ends a wait only when Task/Detail returns it (on the WebSocket it is a line of stderr).");
        writer.Line("/// <param name=\"status\">A status.</param>");
        writer.Line("/// <returns>True for a completed status; false for running and unknown ones.</returns>");
        writer.Line("public static bool IsTerminal(this WiroTaskStatus status) => status switch").OpenBlock();
        foreach (var member in plan.Members)
        {
            if (member.IsTerminal)
            {
                writer.Line("WiroTaskStatus." + member.Name + " => true,");
            }
        }

        writer.Line("_ => false,");
        writer.CloseBlock(";");
        writer.Line();
        writer.Summary("The status Wiro names <paramref name=\"wireName\"/>.");
        writer.Line("/// <param name=\"wireName\">A status as Wiro sends it, e.g. <c>task_queue</c>.</param>");
        writer.Line("/// <returns>The status, or <see cref=\"WiroTaskStatus.Unknown\"/> for a name no spec lists.</returns>");
        writer.Line("public static WiroTaskStatus FromWireName(string? wireName) => wireName switch").OpenBlock();
        foreach (var member in plan.Members)
        {
            writer.Line(Escape.StringLiteral(member.WireName) + " => WiroTaskStatus." + member.Name + ",");
        }

        writer.Line("_ => WiroTaskStatus.Unknown,");
        writer.CloseBlock(";");
        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }
}
