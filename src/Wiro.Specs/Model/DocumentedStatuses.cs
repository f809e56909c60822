using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>What Wiro documents a task status to mean. A spec page may add statuses, never change these.</summary>
public enum StatusMeaning
{
    /// <summary>The task goes on; a wait never ends here.</summary>
    Running,

    /// <summary>The task has ended; every wait ends here.</summary>
    Terminal,

    /// <summary>
    /// <c>task_error</c>: from Task/Detail the task failed before the model ran, which ends a wait; on the WebSocket
    /// it is a line of stderr while the task runs.
    /// </summary>
    FailedBeforeRun,
}

/// <summary>The task statuses Wiro documents, in lifecycle order, with their meaning and description.</summary>
public static class DocumentedStatuses
{
    public static readonly IReadOnlyList<DocumentedStatus> All = new DocumentedStatus[]
    {
        new("task_queue", StatusMeaning.Running, "Task is waiting in the queue."),
        new("task_accept", StatusMeaning.Running, "Task has been accepted for processing."),
        new("task_preprocess_start", StatusMeaning.Running, "Preprocessing is starting."),
        new("task_preprocess_end", StatusMeaning.Running, "Preprocessing is complete."),
        new("task_assign", StatusMeaning.Running, "Task is being assigned to a worker."),
        new("task_start", StatusMeaning.Running, "Task execution has started."),
        new("task_output", StatusMeaning.Running, "Output is being generated."),
        new("task_output_full", StatusMeaning.Running, "All output has been produced."),
        new("task_end", StatusMeaning.Running, "The model has finished; post-processing follows (never judge the outcome here)."),
        new("task_postprocess_start", StatusMeaning.Running, "Post-processing is starting."),
        new("task_postprocess_end", StatusMeaning.Terminal, "Task completed and post-processing is done; check the exit code for success."),
        new("task_error", StatusMeaning.FailedBeforeRun, "From Task/Detail: the task failed before the model ran. On the WebSocket: a stderr line."),
        new("task_error_full", StatusMeaning.Running, "All error output has been produced."),
        new("task_cancel", StatusMeaning.Terminal, "Task was cancelled by the user or system."),
        new("task_stream_ready", StatusMeaning.Running, "A realtime stream is ready."),
        new("task_stream_end", StatusMeaning.Running, "A realtime stream has ended (a turn, not the session)."),
        new("task_cost", StatusMeaning.Running, "Realtime cost report."),
    };

    private static readonly Dictionary<string, DocumentedStatus> ByWireName = Index();

    /// <summary>The documented status named <paramref name="wireName"/>, or null for one Wiro does not document.</summary>
    public static DocumentedStatus? Find(string wireName)
        => ByWireName.TryGetValue(wireName, out var status) ? status : null;

    private static Dictionary<string, DocumentedStatus> Index()
    {
        var index = new Dictionary<string, DocumentedStatus>(StringComparer.Ordinal);
        foreach (var status in All)
        {
            index.Add(status.WireName, status);
        }

        return index;
    }
}

/// <summary>One documented status.</summary>
public sealed record DocumentedStatus(string WireName, StatusMeaning Meaning, string Description);
