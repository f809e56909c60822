namespace Wiro.Emulator;

/// <summary>How an emulated task ends. Enqueue one with <see cref="WiroEmulator.EnqueueOutcome"/> for the next run.</summary>
public sealed record WiroTaskOutcome
{
    private WiroTaskOutcome(string exitCode, string debugError, bool failsBeforeRun, TimeSpan? stepDuration, IReadOnlyList<WiroOutputFile>? outputs)
    {
        ExitCode = exitCode;
        DebugError = debugError;
        FailsBeforeRun = failsBeforeRun;
        StepDuration = stepDuration;
        Outputs = outputs;
    }

    /// <summary>The model's exit code (<c>pexit</c>); empty when the task fails before its model runs.</summary>
    public string ExitCode { get; }

    /// <summary>The task's error output (<c>debugerror</c>).</summary>
    public string DebugError { get; }

    /// <summary>True when the task stops at <c>task_error</c> before the model runs.</summary>
    public bool FailsBeforeRun { get; }

    /// <summary>A step duration for this task only, when it differs from the emulator's.</summary>
    public TimeSpan? StepDuration { get; }

    /// <summary>The files a success produces; null for <see cref="WiroEmulatorOptions.Outputs"/>.</summary>
    public IReadOnlyList<WiroOutputFile>? Outputs { get; }

    internal bool Succeeds => ExitCode == "0" && !FailsBeforeRun;

    /// <summary>
    /// Ends with <c>task_postprocess_end</c>, exit code 0 and outputs (the default): the given files, or
    /// <see cref="WiroEmulatorOptions.Outputs"/> when none are given.
    /// </summary>
    /// <param name="outputs">The files this run produces.</param>
    /// <returns>The outcome.</returns>
    public static WiroTaskOutcome Success(params WiroOutputFile[] outputs) => new("0", "", false, null, outputs.Length == 0 ? null : outputs);

    /// <summary>Ends with <c>task_postprocess_end</c>, a non-zero exit code and an error, no outputs.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="debugError">The error output.</param>
    /// <returns>The outcome.</returns>
    public static WiroTaskOutcome Failure(string exitCode = "1", string debugError = "The model failed.")
    {
        if (exitCode is null or "" or "0")
        {
            throw new ArgumentException("A failure has a non-empty exit code other than \"0\".", nameof(exitCode));
        }

        return new(exitCode, debugError, false, null, null);
    }

    /// <summary>Stops at <c>task_error</c> with an empty exit code, as when a task fails before its model runs.</summary>
    /// <param name="debugError">The error output.</param>
    /// <returns>The outcome.</returns>
    public static WiroTaskOutcome ErrorBeforeRun(string debugError = "The task could not start.") => new("", debugError, true, null, null);

    /// <summary>Succeeds, with each status step lasting <paramref name="stepDuration"/> (on the emulator's clock).</summary>
    /// <param name="stepDuration">Time per status step.</param>
    /// <returns>The outcome.</returns>
    public static WiroTaskOutcome Slow(TimeSpan stepDuration) => new("0", "", false, stepDuration, null);
}
