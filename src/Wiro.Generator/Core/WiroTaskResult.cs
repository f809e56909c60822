#nullable enable
namespace Wiro;

using System.Collections.Generic;

/// <summary>How a task ended. Success means <c>task_postprocess_end</c> with exit code <c>0</c>.</summary>
public sealed class WiroTaskResult
{
    internal WiroTaskResult(WiroTask task)
    {
        Task = task;
        IsSuccess = task.Status == WiroTaskStatus.TaskPostprocessEnd && task.ExitCode == "0";
        FailureReason = IsSuccess ? null : Describe(task);
    }

    /// <summary>The task as Task/Detail last returned it.</summary>
    public WiroTask Task { get; }

    /// <summary>The final status.</summary>
    public WiroTaskStatus Status => Task.Status;

    /// <summary>True when the task ended with <c>task_postprocess_end</c> and exit code <c>0</c>.</summary>
    public bool IsSuccess { get; }

    /// <summary>True when the task was cancelled or killed.</summary>
    public bool IsCancelled => Task.Status == WiroTaskStatus.TaskCancel;

    /// <summary>The files the task produced (empty unless it succeeded).</summary>
    public IReadOnlyList<WiroOutput> Outputs => IsSuccess ? Task.Outputs : [];

    /// <summary>The task's error output, if any.</summary>
    public string? DebugError => Task.DebugError;

    /// <summary>The model's exit code (<c>pexit</c>); empty when it never ran.</summary>
    public string? ExitCode => Task.ExitCode;

    /// <summary>Why the task did not succeed; null when it did.</summary>
    public string? FailureReason { get; }

    private static string Describe(WiroTask task)
    {
        var error = string.IsNullOrWhiteSpace(task.DebugError) ? "" : ": " + task.DebugError!.Trim();
        return task.Status switch
        {
            WiroTaskStatus.TaskCancel => "The task was cancelled" + error,
            WiroTaskStatus.TaskError or WiroTaskStatus.TaskErrorFull => "The task failed before the model ran" + error,
            _ => $"The model exited with code {(string.IsNullOrEmpty(task.ExitCode) ? "(none)" : task.ExitCode)}" + error,
        };
    }
}
