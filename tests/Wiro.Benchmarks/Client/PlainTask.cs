namespace Wiro.Benchmarks.Client;

/// <summary>What the hand-written and Refit paths hand back from a run: the same facts the generated client returns.</summary>
public sealed record PlainRun(string TaskId, string SocketAccessToken);

/// <summary>A file a task produced.</summary>
public sealed record PlainOutput(string Name, string ContentType, long? Size, Uri? Url);

/// <summary>A task as Task/Detail describes it, with the fields the generated client's WiroTask reads.</summary>
public sealed record PlainTask(
    string Id,
    string SocketAccessToken,
    string Status,
    string? ExitCode,
    string? DebugOutput,
    string? DebugError,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? ElapsedSeconds,
    decimal? TotalCost,
    IReadOnlyList<PlainOutput> Outputs,
    string? ParametersJson);
