using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>
/// The wire names of the task statuses Wiro documents, and the order a task goes through them: the one home of these
/// names for the generator (<see cref="DocumentedStatuses"/>) and the emulator, which plays them.
/// </summary>
public static class WireStatus
{
    public const string Queue = "task_queue";
    public const string Accept = "task_accept";
    public const string PreprocessStart = "task_preprocess_start";
    public const string PreprocessEnd = "task_preprocess_end";
    public const string Assign = "task_assign";
    public const string Start = "task_start";
    public const string Output = "task_output";
    public const string OutputFull = "task_output_full";
    public const string End = "task_end";
    public const string PostprocessStart = "task_postprocess_start";
    public const string PostprocessEnd = "task_postprocess_end";
    public const string Error = "task_error";
    public const string ErrorFull = "task_error_full";
    public const string Cancel = "task_cancel";
    public const string StreamReady = "task_stream_ready";
    public const string StreamEnd = "task_stream_end";
    public const string Cost = "task_cost";

    /// <summary>The statuses a task that runs to its end passes through, in order; the last is terminal.</summary>
    public static readonly IReadOnlyList<string> Lifecycle = new[]
    {
        Queue, Accept, PreprocessStart, PreprocessEnd, Assign, Start, Output, OutputFull, End, PostprocessStart, PostprocessEnd,
    };

    /// <summary>The statuses of the lifecycle before the task starts: a task here can still be cancelled (Task/Cancel).</summary>
    public static readonly IReadOnlyList<string> Queued = new[] { Queue, Accept, PreprocessStart, PreprocessEnd, Assign };
}
