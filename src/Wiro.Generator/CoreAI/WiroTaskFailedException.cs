#nullable enable
namespace Wiro;

using System;

/// <summary>
/// A task ran and did not succeed (a non-zero exit code, <c>task_error</c> before the model ran, or cancelled on
/// Wiro's side), where a caller expects an answer rather than a <see cref="WiroTaskResult"/> to judge (a
/// <see cref="WiroChatClient"/>). The message is Wiro's reason (<see cref="WiroTaskResult.FailureReason"/>).
/// </summary>
public sealed class WiroTaskFailedException : WiroApiException
{
    /// <summary>Creates the exception from how the task ended.</summary>
    /// <param name="result">The task's end; not a success.</param>
    public WiroTaskFailedException(WiroTaskResult result)
        : base(-1, (result ?? throw new ArgumentNullException(nameof(result))).FailureReason ?? "The task did not succeed.", null)
    {
        Result = result;
    }

    /// <summary>How the task ended, as Task/Detail confirmed it.</summary>
    public WiroTaskResult Result { get; }

    /// <summary>The task's id.</summary>
    public string TaskId => Result.Task.Id;
}
