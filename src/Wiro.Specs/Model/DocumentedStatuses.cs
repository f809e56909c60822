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
        new(WireStatus.Queue, StatusMeaning.Running, "Task is waiting in the queue."),
        new(WireStatus.Accept, StatusMeaning.Running, "Task has been accepted for processing."),
        new(WireStatus.PreprocessStart, StatusMeaning.Running, "Preprocessing is starting."),
        new(WireStatus.PreprocessEnd, StatusMeaning.Running, "Preprocessing is complete."),
        new(WireStatus.Assign, StatusMeaning.Running, "Task is being assigned to a worker."),
        new(WireStatus.Start, StatusMeaning.Running, "Task execution has started."),
        new(WireStatus.Output, StatusMeaning.Running, "Output is being generated."),
        new(WireStatus.OutputFull, StatusMeaning.Running, "All output has been produced."),
        new(WireStatus.End, StatusMeaning.Running, "The model has finished; post-processing follows (never judge the outcome here)."),
        new(WireStatus.PostprocessStart, StatusMeaning.Running, "Post-processing is starting."),
        new(WireStatus.PostprocessEnd, StatusMeaning.Terminal, "Task completed and post-processing is done; check the exit code for success."),
        new(WireStatus.Error, StatusMeaning.FailedBeforeRun, "From Task/Detail: the task failed before the model ran. On the WebSocket: a stderr line."),
        new(WireStatus.ErrorFull, StatusMeaning.Running, "All error output has been produced."),
        new(WireStatus.Cancel, StatusMeaning.Terminal, "Task was cancelled by the user or system."),
        new(WireStatus.StreamReady, StatusMeaning.Running, "A realtime stream is ready."),
        new(WireStatus.StreamEnd, StatusMeaning.Running, "A realtime stream has ended (a turn, not the session)."),
        new(WireStatus.Cost, StatusMeaning.Running, "Realtime cost report."),
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
