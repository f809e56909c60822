using System.Collections.Generic;
using System.Threading;
using Wiro.Generator.Model;

namespace Wiro.Generator.Parsing;

/// <summary>Reads "## Task Status Information": its completed and running "- task_x : description" lists.</summary>
internal static class StatusReader
{
    /// <param name="complete">True when both lists were found with at least one status each.</param>
    /// <returns>
    /// The section, or null when its completed list is not known to be whole: a partial list would let a client
    /// believe no status ends a task.
    /// </returns>
    public static StatusSection? Read(
        SpecText spec, List<Heading> headings, int statusIndex, out bool complete, CancellationToken cancellationToken)
    {
        var end = Headings.SectionEnd(headings, statusIndex, spec.Length);
        var completed = ReadList(spec, headings, statusIndex, end, SectionKind.CompletedStatuses, out _, cancellationToken);
        var running = ReadList(spec, headings, statusIndex, end, SectionKind.RunningStatuses, out var runningFound, cancellationToken);
        complete = completed.Count > 0 && running.Count > 0;
        return completed.Count > 0 && runningFound
            ? new StatusSection(completed.ToEquatableArray(), running.ToEquatableArray())
            : null;
    }

    private static List<TaskStatusEntry> ReadList(
        SpecText spec, List<Heading> headings, int statusIndex, int sectionEnd, SectionKind kind, out bool found,
        CancellationToken cancellationToken)
    {
        var list = new List<TaskStatusEntry>();
        var index = Headings.IndexOf(headings, kind, statusIndex + 1);
        found = index >= 0 && headings[index].Start < sectionEnd;
        if (!found)
        {
            return list;
        }

        var from = headings[index].ContentStart;
        var to = System.Math.Min(Headings.BodyEnd(headings, index, spec.Length), sectionEnd);
        var entries = DashItems.FindEntries(spec, from, to, cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            var (_, wordStart, wordEnd, descriptionStart) = entries[i];
            var descriptionEnd = i + 1 < entries.Count ? entries[i + 1].Dash : to;
            list.Add(new TaskStatusEntry(
                spec.Text.Substring(wordStart, wordEnd - wordStart),
                spec.Value(descriptionStart, descriptionEnd)));
        }

        return list;
    }
}
