using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// One task in the emulator. Its status is computed from the clock when read (one step per step duration), so a
/// fake clock gives the same sequence every time; only a cancel or kill changes it.
/// </summary>
internal sealed class EmulatedTask
{
    private static readonly string[] Lifecycle = [.. WireStatus.Lifecycle];

    private static readonly string[] FailsBeforeRun = [WireStatus.Queue, WireStatus.Accept, WireStatus.PreprocessStart, WireStatus.Error];

    private static readonly HashSet<string> Queued = [.. WireStatus.Queued];

    private readonly object _gate = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _cancelledAt;

    public EmulatedTask(string id, string token, string owner, string model, string parametersJson,
        DateTimeOffset createdAt, WiroTaskOutcome outcome, TimeSpan stepDuration, IReadOnlyList<WiroOutputFile> outputs)
    {
        Id = id;
        Token = token;
        Owner = owner;
        Model = model;
        ParametersJson = parametersJson;
        CreatedAt = createdAt;
        Outcome = outcome;
        StepDuration = outcome.StepDuration ?? stepDuration;
        Outputs = outcome.Succeeds ? outcome.Outputs ?? outputs : [];
    }

    public string Id { get; }

    /// <summary>The socket access token, which is also the task token of Task/Detail.</summary>
    public string Token { get; }

    public string Uuid { get; } = Guid.NewGuid().ToString();

    public string Owner { get; }

    public string Model { get; }

    public string ParametersJson { get; }

    public DateTimeOffset CreatedAt { get; }

    public WiroTaskOutcome Outcome { get; }

    public TimeSpan StepDuration { get; }

    /// <summary>The files served once the task succeeded; empty for any other outcome.</summary>
    public IReadOnlyList<WiroOutputFile> Outputs { get; }

    public string? CallbackUrl { get; init; }

    /// <summary>For an LLM or chat tool: what it streams on the socket during <c>task_output</c>; null for any other tool.</summary>
    public LlmScript? Llm { get; init; }

    public DateTimeOffset? CancelledAt
    {
        get
        {
            lock (_gate)
            {
                return _cancelledAt;
            }
        }
    }

    /// <summary>Completes when the task is cancelled or killed, so a socket sleeping until the next step hears it at once.</summary>
    public Task Stopped => _stopped.Task;

    private string[] Steps => Outcome.FailsBeforeRun ? FailsBeforeRun : Lifecycle;

    public string StatusAt(DateTimeOffset now) => CancelledAt is not null ? WireStatus.Cancel : Steps[StepAt(now)];

    public bool IsEndedAt(DateTimeOffset now) => EndedAt(now) is not null;

    /// <summary>When the task reached its terminal status, or null while it runs.</summary>
    public DateTimeOffset? EndedAt(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelled)
        {
            return cancelled;
        }

        var last = ReachedAt(Steps.Length - 1);
        return last <= now ? last : null;
    }

    /// <summary>When <paramref name="status"/> was reached, or null when it has not been (or never will be).</summary>
    public DateTimeOffset? ReachedAt(string status, DateTimeOffset now)
    {
        var index = Array.IndexOf(Steps, status);
        if (index < 0)
        {
            return null;
        }

        var reached = ReachedAt(index);
        return reached <= now && (CancelledAt is not { } cancelled || reached <= cancelled) ? reached : null;
    }

    public bool Succeeded(DateTimeOffset now) => Outcome.Succeeds && StatusAt(now) == WireStatus.PostprocessEnd;

    /// <summary>The statuses passed through up to <paramref name="now"/>, in order, for the WebSocket.</summary>
    public IReadOnlyList<string> StatusesUpTo(DateTimeOffset now)
    {
        var cancelled = CancelledAt;
        var last = StepAt(cancelled is { } at && at < now ? at : now);
        var statuses = Steps.Take(last + 1).ToList();
        if (cancelled is not null)
        {
            statuses.Add(WireStatus.Cancel);
        }

        return statuses;
    }

    /// <summary>
    /// Cancels a queued task, or kills a task that has not ended; false when the task is past that point.
    /// </summary>
    public bool TryStop(DateTimeOffset now, bool kill)
    {
        lock (_gate)
        {
            if (_cancelledAt is not null || ReachedAt(Steps.Length - 1) <= now)
            {
                return false;
            }

            if (!kill && !Queued.Contains(Steps[StepAt(now)]))
            {
                return false;
            }

            _cancelledAt = now;
            _stopped.TrySetResult();
            return true;
        }
    }

    /// <summary>When the next status after the one at <paramref name="now"/> is due; null once the last one is reached.</summary>
    public DateTimeOffset? NextStepAt(DateTimeOffset now)
    {
        var step = StepAt(now);
        return CancelledAt is null && step < Steps.Length - 1 ? ReachedAt(step + 1) : null;
    }

    private int StepAt(DateTimeOffset now)
    {
        if (StepDuration <= TimeSpan.Zero)
        {
            return Steps.Length - 1;
        }

        var elapsed = (now - CreatedAt).Ticks / StepDuration.Ticks;
        return (int)Math.Clamp(elapsed, 0, Steps.Length - 1);
    }

    private DateTimeOffset ReachedAt(int index) => CreatedAt + (StepDuration * index);
}
