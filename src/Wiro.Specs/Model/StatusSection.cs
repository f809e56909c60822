namespace Wiro.Specs;

/// <summary>The page's "Task Status Information": which statuses end polling and which do not.</summary>
public sealed record StatusSection(EquatableArray<TaskStatusEntry> Completed, EquatableArray<TaskStatusEntry> Running);

/// <summary>A task status wire name (e.g. <c>task_queue</c>) with the page's description of it.</summary>
public sealed record TaskStatusEntry(string WireName, string Description);
