using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>Writes <c>WiroTaskStatus</c> and its wire-name and terminal-state helpers, once per compilation.</summary>
internal static class StatusEmitter
{
    public static string Emit(StatusPlan plan, EmitContext context)
    {
        var writer = GeneratedFile.Begin(context.Namespace);
        writer.WriteLine($$"""
            /// <summary>The status of a Wiro task: the statuses Wiro documents, and those the specs in this project add.</summary>
            {{context.Accessibility}} enum WiroTaskStatus
            {
                /// <summary>A status none of the specs lists; a task in it is still running.</summary>
                Unknown = 0,
            """);
        writer.Indentation++;
        foreach (var member in plan.Members)
        {
            var terminal = member.IsTerminal ? " Polling can stop." : "";
            writer.WriteLine($$"""

                /// <summary><c>{{Escape.XmlDocText(member.WireName)}}</c>: {{Escape.XmlDocText(member.Description)}}{{terminal}}</summary>
                {{member.Name}},
                """);
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            }

            /// <summary>Wire names and terminal states of <see cref="WiroTaskStatus"/>.</summary>
            {{context.Accessibility}} static partial class WiroTaskStatusExtensions
            {
                /// <summary>The name Wiro uses for <paramref name="status"/>, e.g. <c>task_queue</c>.</summary>
                /// <param name="status">A status.</param>
                /// <returns>The wire name, or <c>unknown</c> for <see cref="WiroTaskStatus.Unknown"/>.</returns>
                public static string ToWireName(this WiroTaskStatus status) => status switch
                {
            """);
        writer.Indentation += 2;
        foreach (var member in plan.Members)
        {
            writer.WriteLine($"WiroTaskStatus.{member.Name} => {Escape.StringLiteral(member.WireName)},");
        }

        writer.WriteLine("""_ => "unknown",""");
        writer.Indentation--;
        writer.WriteLine("""
            };

            /// <summary>True when polling can stop: <c>task_postprocess_end</c>, <c>task_cancel</c>, and a status Wiro does not document that a spec lists as completed. <c>task_error</c> ends a wait only when Task/Detail returns it (on the WebSocket it is a line of stderr).</summary>
            /// <param name="status">A status.</param>
            /// <returns>True for a completed status; false for running and unknown ones.</returns>
            public static bool IsTerminal(this WiroTaskStatus status) => status switch
            {
            """);
        writer.Indentation++;
        foreach (var member in plan.Members)
        {
            if (member.IsTerminal)
            {
                writer.WriteLine($"WiroTaskStatus.{member.Name} => true,");
            }
        }

        writer.WriteLine("_ => false,");
        writer.Indentation--;
        writer.WriteLine("""
            };

            /// <summary>The status Wiro names <paramref name="wireName"/>.</summary>
            /// <param name="wireName">A status as Wiro sends it, e.g. <c>task_queue</c>.</param>
            /// <returns>The status, or <see cref="WiroTaskStatus.Unknown"/> for a name no spec lists.</returns>
            public static WiroTaskStatus FromWireName(string? wireName) => wireName switch
            {
            """);
        writer.Indentation++;
        foreach (var member in plan.Members)
        {
            writer.WriteLine($"{Escape.StringLiteral(member.WireName)} => WiroTaskStatus.{member.Name},");
        }

        writer.WriteLine("_ => WiroTaskStatus.Unknown,");
        writer.Indentation--;
        writer.WriteLine("};");
        writer.Indentation--;
        writer.WriteLine("}");
        return GeneratedFile.End(writer);
    }
}
