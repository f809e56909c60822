using System;
using System.Collections.Generic;
using Wiro.Generator.Model;
using Wiro.Generator.Naming;

namespace Wiro.Generator.Planning;

/// <summary>The members of the generated <c>WiroTaskStatus</c> enum, merged from every spec's status section.</summary>
public sealed record StatusPlan(EquatableArray<StatusMemberPlan> Members)
{
    /// <summary>The statuses Wiro documents, in lifecycle order; always present so the client core can name them.</summary>
    private static readonly (string WireName, string Description)[] Documented =
    {
        ("task_queue", "Task is waiting in the queue."),
        ("task_accept", "Task has been accepted for processing."),
        ("task_preprocess_start", "Preprocessing is starting."),
        ("task_preprocess_end", "Preprocessing is complete."),
        ("task_assign", "Task is being assigned to a worker."),
        ("task_start", "Task execution has started."),
        ("task_output", "Output is being generated."),
        ("task_output_full", "All output has been produced."),
        ("task_end", "The model has finished; post-processing follows (never judge the outcome here)."),
        ("task_postprocess_start", "Post-processing is starting."),
        ("task_postprocess_end", "Task completed and post-processing is done; check the exit code for success."),
        ("task_error", "From Task/Detail: the task failed before the model ran. On the WebSocket: a stderr line."),
        ("task_error_full", "All error output has been produced."),
        ("task_cancel", "Task was cancelled by the user or system."),
        ("task_stream_ready", "A realtime stream is ready."),
        ("task_stream_end", "A realtime stream has ended."),
        ("task_cost", "Realtime cost report."),
    };

    private static readonly string[] DocumentedTerminal = { "task_postprocess_end", "task_cancel" };

    /// <summary>
    /// Merges the sections: every documented and every listed status is a member; a status is terminal when some
    /// spec lists it as completed (or, with no section anywhere, when Wiro documents it as terminal).
    /// </summary>
    public static StatusPlan Merge(IEnumerable<StatusSection> sections)
    {
        var order = new List<string>();
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var terminal = new HashSet<string>(StringComparer.Ordinal);
        var anySection = false;

        foreach (var (wireName, description) in Documented)
        {
            order.Add(wireName);
            descriptions[wireName] = description;
        }

        foreach (var section in sections)
        {
            anySection = true;
            foreach (var entry in section.Completed)
            {
                Add(entry);
                terminal.Add(entry.WireName);
            }

            foreach (var entry in section.Running)
            {
                Add(entry);
            }
        }

        if (!anySection)
        {
            terminal.UnionWith(DocumentedTerminal);
        }

        var names = new UniqueNames("Unknown", "value__");
        var members = new List<StatusMemberPlan>(order.Count);
        foreach (var wireName in order)
        {
            var name = names.Claim(Identifier.Sanitize(Identifier.ToPascalCase(wireName), "Status", "Status"));
            members.Add(new StatusMemberPlan(name, wireName, descriptions[wireName], terminal.Contains(wireName)));
        }

        return new StatusPlan(members.ToEquatableArray());

        void Add(TaskStatusEntry entry)
        {
            if (!descriptions.ContainsKey(entry.WireName))
            {
                order.Add(entry.WireName);
                descriptions[entry.WireName] = entry.Description;
            }
        }
    }
}

/// <summary>One status: its C# name, wire name, description and whether polling can stop there.</summary>
public sealed record StatusMemberPlan(string Name, string WireName, string Description, bool IsTerminal);
