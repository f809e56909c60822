using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>Reads "## Task Status Information": its completed and running "- task_x : description" lists.</summary>
internal static class StatusReader
{
    /// <param name="complete">True when both lists were found with at least one status each.</param>
    /// <returns>
    /// The section, or null when its completed list is not known to be whole: a partial list would let a client
    /// believe no status ends a task.
    /// </returns>
    public static StatusSection? Read(
        SpecText spec, List<Heading> headings, int statusIndex, List<DiagnosticInfo> diagnostics, out bool complete,
        CancellationToken cancellationToken)
    {
        var end = Headings.SectionEnd(headings, statusIndex, spec.Length);
        var completed = ReadList(spec, headings, statusIndex, end, SectionKind.CompletedStatuses, out _, out var completedAt, cancellationToken);
        var running = ReadList(spec, headings, statusIndex, end, SectionKind.RunningStatuses, out var runningFound, out var runningAt, cancellationToken);
        CheckMeanings(spec, completed, completedAt, running, runningAt, diagnostics);
        complete = completed.Count > 0 && running.Count > 0;
        return completed.Count > 0 && runningFound
            ? new StatusSection(completed.ToEquatableArray(), running.ToEquatableArray())
            : null;
    }

    /// <summary>
    /// Warns where the page lists a documented status against its documented meaning (that listing is not
    /// followed), or lists a status of its own as both completed and running (it is taken as completed).
    /// </summary>
    private static void CheckMeanings(
        SpecText spec, List<TaskStatusEntry> completed, List<TextRange> completedAt, List<TaskStatusEntry> running,
        List<TextRange> runningAt, List<DiagnosticInfo> diagnostics)
    {
        var ownCompleted = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < completed.Count; i++)
        {
            var meaning = DocumentedStatuses.Find(completed[i].WireName)?.Meaning;
            if (meaning == StatusMeaning.Running)
            {
                diagnostics.Add(Diagnose.StatusMeaningChanged(
                    spec.Location(completedAt[i].Start, completedAt[i].End), completed[i].WireName, "completed", "Wiro documents it as running", "running"));
            }
            else if (meaning is null)
            {
                ownCompleted.Add(completed[i].WireName);
            }
        }

        for (var i = 0; i < running.Count; i++)
        {
            var name = running[i].WireName;
            var meaning = DocumentedStatuses.Find(name)?.Meaning;
            if (meaning == StatusMeaning.Terminal)
            {
                diagnostics.Add(Diagnose.StatusMeaningChanged(
                    spec.Location(runningAt[i].Start, runningAt[i].End), name, "running", "Wiro documents it as completed", "completed"));
            }
            else if (meaning is null && ownCompleted.Contains(name))
            {
                diagnostics.Add(Diagnose.StatusMeaningChanged(
                    spec.Location(runningAt[i].Start, runningAt[i].End), name, "running", "the page also lists it as completed", "completed"));
            }
        }
    }

    private static List<TaskStatusEntry> ReadList(
        SpecText spec, List<Heading> headings, int statusIndex, int sectionEnd, SectionKind kind, out bool found,
        out List<TextRange> entryRanges, CancellationToken cancellationToken)
    {
        var list = new List<TaskStatusEntry>();
        entryRanges = new List<TextRange>();
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
            var (dash, wordStart, wordEnd, descriptionStart) = entries[i];
            entryRanges.Add(new TextRange(dash, wordEnd));
            var descriptionEnd = i + 1 < entries.Count ? entries[i + 1].Dash : to;
            list.Add(new TaskStatusEntry(
                spec.Text.Substring(wordStart, wordEnd - wordStart),
                spec.Value(descriptionStart, descriptionEnd)));
        }

        return list;
    }
}
