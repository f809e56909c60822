using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>The members of the generated <c>WiroTaskStatus</c> enum, merged from every spec's status section.</summary>
public sealed record StatusPlan(EquatableArray<StatusMemberPlan> Members)
{
    /// <summary>
    /// Merges the sections: every documented and every listed status is a member. A documented status keeps the
    /// meaning Wiro gives it, whatever a spec lists it under, so one spec can never change how another tool's wait
    /// ends; a status Wiro does not document is terminal when some spec lists it as completed.
    /// </summary>
    public static StatusPlan Merge(IEnumerable<StatusSection> sections)
    {
        var order = new List<string>();
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var terminal = new HashSet<string>(StringComparer.Ordinal);

        foreach (var status in DocumentedStatuses.All)
        {
            order.Add(status.WireName);
            descriptions[status.WireName] = status.Description;
            if (status.Meaning == StatusMeaning.Terminal)
            {
                terminal.Add(status.WireName);
            }
        }

        foreach (var section in sections)
        {
            foreach (var entry in section.Completed)
            {
                if (Add(entry))
                {
                    terminal.Add(entry.WireName);
                }
            }

            foreach (var entry in section.Running)
            {
                Add(entry);
            }
        }

        var names = new UniqueNames("Unknown", "value__");
        var members = new List<StatusMemberPlan>(order.Count);
        foreach (var wireName in order)
        {
            var name = names.Claim(Identifier.Sanitize(Identifier.ToPascalCase(wireName), "Status", "Status"));
            members.Add(new StatusMemberPlan(name, wireName, descriptions[wireName], terminal.Contains(wireName)));
        }

        return new StatusPlan(members.ToEquatableArray());

        // True for a status Wiro does not document, whose meaning the specs give.
        bool Add(TaskStatusEntry entry)
        {
            if (DocumentedStatuses.Find(entry.WireName) is not null)
            {
                return false;
            }

            if (!descriptions.ContainsKey(entry.WireName))
            {
                order.Add(entry.WireName);
                descriptions[entry.WireName] = entry.Description;
            }

            return true;
        }
    }
}

/// <summary>One status: its C# name, wire name, description and whether polling can stop there.</summary>
public sealed record StatusMemberPlan(string Name, string WireName, string Description, bool IsTerminal);
