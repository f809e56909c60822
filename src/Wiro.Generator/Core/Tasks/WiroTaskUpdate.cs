#nullable enable
namespace Wiro;

/// <summary>A step of a running task, reported while waiting.</summary>
/// <param name="TaskId">The task's id.</param>
/// <param name="Status">The task's status; <see cref="WiroTaskStatus.Unknown"/> for a status no spec lists.</param>
/// <param name="RawStatus">The status exactly as Wiro sent it.</param>
/// <param name="Percentage">The progress in percent, when the tool reports it.</param>
/// <param name="Message">A log line from the task, when there is one.</param>
public sealed record WiroTaskUpdate(string TaskId, WiroTaskStatus Status, string RawStatus, double? Percentage, string? Message);
