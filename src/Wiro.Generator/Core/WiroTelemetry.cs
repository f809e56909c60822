#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// Tracing and metrics, both named <c>Wiro</c>, in BCL types only, so they work with or without DI and cost a
/// null check when nobody listens. Tags are low-cardinality (tool, operation, status, outcome, error type);
/// the task id goes on activities only, never on a metric.
/// </summary>
internal static class WiroTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Wiro";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TaskDuration = Meter.CreateHistogram<double>(
        "wiro.task.duration", "s", "From a task's start to its end, as Wiro reports them.");

    private static readonly Histogram<double> QueueTime = Meter.CreateHistogram<double>(
        "wiro.task.queue_time", "s", "From a task's creation to its start, as Wiro reports them.");

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "wiro.runs", "{run}", "Tool runs waited for, by tool and outcome (success, failure, cancelled).");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "wiro.retries", "{retry}", "Calls the client sent again after a retryable answer or transport error, by operation.");

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "wiro.cost", "{credit}", "The billed cost (totalcost) of finished tasks, by tool.");

    /// <summary>Counts one retry of <paramref name="operation"/> (Task/Detail, Task/Cancel, ...).</summary>
    public static void RecordRetry(string operation)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("wiro.operation", operation));
        }
    }

    /// <summary>Records how a waited-for run of <paramref name="tool"/> ended, on the meter and on its activity.</summary>
    public static void RecordOutcome(Activity? activity, string tool, WiroTaskResult result)
    {
        var task = result.Task;
        var outcome = result.IsSuccess ? "success" : result.IsCancelled ? "cancelled" : "failure";
        if (activity is not null)
        {
            activity.SetTag("wiro.task.status", task.Status.ToWireName());
            activity.SetTag("wiro.outcome", outcome);
            if (!result.IsSuccess)
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        var toolTag = new KeyValuePair<string, object?>("wiro.tool", tool);
        Runs.Add(1, toolTag, new KeyValuePair<string, object?>("wiro.outcome", outcome));
        if (task.StartedAt is { } started && task.EndedAt is { } ended && ended >= started)
        {
            TaskDuration.Record((ended - started).TotalSeconds, toolTag);
        }

        if (task.CreatedAt is { } created && task.StartedAt is { } start && start >= created)
        {
            QueueTime.Record((start - created).TotalSeconds, toolTag);
        }

        if (task.TotalCost is { } cost && cost > 0)
        {
            Cost.Add((double)cost, toolTag);
        }
    }

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type as <c>error.type</c>.</summary>
    public static void RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
    }
}
