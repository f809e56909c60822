#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

/// <summary>How a task ended. Success means <c>task_postprocess_end</c> with exit code <c>0</c>.</summary>
public sealed class WiroTaskResult
{
    /// <summary>Judges a task read by Task/Detail (<see cref="WiroClient.GetTaskAsync"/>) as a wait would.</summary>
    /// <param name="task">The task.</param>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public WiroTaskResult(WiroTask task)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

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

    /// <summary>
    /// Downloads every file output into <paramref name="directory"/> (created when missing), one after another, each
    /// as its <see cref="WiroOutput.Name"/> unless an earlier output of this call took that name, compared ignoring
    /// case (as Windows and macOS do). Then it is named <c>stem (k).ext</c> (before the last dot), with <c>k</c> the
    /// first number from 2 that gives a name still free: <c>a.png</c>, <c>A.png</c>, <c>a.png</c>, <c>a (2).png</c>
    /// are written as <c>a.png</c>, <c>A (2).png</c>, <c>a (3).png</c>, <c>a (2) (2).png</c>. When the name with its
    /// number would pass 200 UTF-8 bytes, the stem is shortened to fit, keeping the extension and never cutting a
    /// character; numbering then goes on from where that shortened stem's numbering stands, so the number may skip
    /// some still free. Every file output is written under its own name of at most 200 bytes, and none overwrites
    /// another (a file already in the folder with that name is replaced). The same outputs in the same order always
    /// get the same names. Outputs with inline content only (<see cref="WiroOutput.ContentJson"/>) are not
    /// files and are skipped. Nothing is written outside <paramref name="directory"/>.
    /// </summary>
    /// <param name="directory">The folder to write in.</param>
    /// <param name="cancellationToken">Cancels the downloads.</param>
    /// <returns>The full paths written, in the order of <see cref="Outputs"/>.</returns>
    public async Task<IReadOnlyList<string>> DownloadToDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        var names = new OutputNames();
        var paths = new List<string>(Outputs.Count);
        foreach (var output in Outputs)
        {
            if (output.IsInlineContent)
            {
                continue;
            }

            paths.Add(await output.DownloadIntoAsync(directory, names.Unique(output.Name), cancellationToken).ConfigureAwait(false));
        }

        return paths;
    }

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
