namespace Wiro.Emulator;

/// <summary>
/// One task in the emulator. Its status is computed from the clock when read, so a fake clock gives the same
/// sequence every time.
/// </summary>
internal sealed class EmulatedTask
{
    private static readonly string[] Lifecycle =
    [
        "task_queue", "task_accept", "task_preprocess_start", "task_preprocess_end", "task_assign", "task_start",
        "task_output", "task_output_full", "task_end", "task_postprocess_start", "task_postprocess_end",
    ];

    private static readonly string[] FailsBeforeRun = ["task_queue", "task_accept", "task_preprocess_start", "task_error"];

    public EmulatedTask(string id, string token, string owner, string model, string parametersJson,
        DateTimeOffset createdAt, WiroTaskOutcome outcome, TimeSpan stepDuration)
    {
        Id = id;
        Token = token;
        Owner = owner;
        Model = model;
        ParametersJson = parametersJson;
        CreatedAt = createdAt;
        Outcome = outcome;
        StepDuration = outcome.StepDuration ?? stepDuration;
    }

    public string Id { get; }

    public string Token { get; }

    public string Owner { get; }

    public string Model { get; }

    public string ParametersJson { get; }

    public DateTimeOffset CreatedAt { get; }

    public WiroTaskOutcome Outcome { get; }

    public TimeSpan StepDuration { get; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CallbackUrl { get; init; }

    private string[] Steps => Outcome.FailsBeforeRun ? FailsBeforeRun : Lifecycle;

    /// <summary>The index of the current step in the task's sequence.</summary>
    public int StepAt(DateTimeOffset now)
    {
        var elapsed = now - CreatedAt;
        var step = StepDuration <= TimeSpan.Zero ? Steps.Length - 1 : (int)Math.Min(Steps.Length - 1, elapsed.Ticks / StepDuration.Ticks);
        return Math.Max(0, step);
    }

    public string StatusAt(DateTimeOffset now) => CancelledAt is not null ? "task_cancel" : Steps[StepAt(now)];

    public bool IsEndedAt(DateTimeOffset now) => StatusAt(now) is "task_cancel" or "task_postprocess_end" or "task_error";

    public bool HasStartedAt(DateTimeOffset now) => CancelledAt is null && StepAt(now) >= Array.IndexOf(Lifecycle, "task_start");

    public bool Succeeded(DateTimeOffset now) => StatusAt(now) == "task_postprocess_end" && Outcome.ExitCode == "0";

    /// <summary>The statuses passed through up to <paramref name="now"/>, for the WebSocket.</summary>
    public IEnumerable<string> StatusesUpTo(DateTimeOffset now)
    {
        var last = StepAt(now);
        for (var i = 0; i <= last; i++)
        {
            yield return Steps[i];
        }
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;
}
