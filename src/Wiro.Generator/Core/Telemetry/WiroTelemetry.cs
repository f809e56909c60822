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
        "wiro.runs", "{run}", "Tasks seen to end by a wait or a watch, once each, by tool and outcome (success, failure, cancelled).");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "wiro.retries", "{retry}", "Calls the client sent again after a retryable answer or transport error, by operation.");

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "wiro.cost", "{credit}", "The billed cost (totalcost) of finished tasks, by tool.");

    /// <summary>The activity of one API call (a client span named after <paramref name="operation"/>); null when nobody listens.</summary>
    public static Activity? StartCall(string operation, string? tool)
    {
        var activity = Source.HasListeners() ? Source.StartActivity(operation, ActivityKind.Client) : null;
        activity?.SetTag("wiro.operation", operation);
        if (tool is not null)
        {
            TagTool(activity, tool);
        }

        return activity;
    }

    /// <summary>One activity over a run and its wait, which their calls nest under; null when nobody listens.</summary>
    public static Activity? StartRunAndWait(string tool)
    {
        var activity = Source.HasListeners() ? Source.StartActivity("RunAndWait " + tool, ActivityKind.Internal) : null;
        TagTool(activity, tool);
        return activity;
    }

    /// <summary>Counts one retry of <paramref name="operation"/> (Task/Detail, Task/Cancel, ...).</summary>
    public static void RecordRetry(string operation)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("wiro.operation", operation));
        }
    }

    /// <summary>
    /// Names the tool on a Run or RunAndWait activity: <c>wiro.tool</c>, and OpenTelemetry's GenAI attributes
    /// (<c>gen_ai.provider.name</c> <c>wiro</c>, <c>gen_ai.operation.name</c> <c>generate_content</c>, Wiro's
    /// tools being multimodal generation, and <c>gen_ai.request.model</c> <c>owner/model</c>).
    /// </summary>
    public static void TagTool(Activity? activity, string tool)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("wiro.tool", tool);
        activity.SetTag("gen_ai.provider.name", "wiro");
        activity.SetTag("gen_ai.operation.name", "generate_content");
        activity.SetTag("gen_ai.request.model", tool);
    }

    /// <summary>True when something listens to what <see cref="RecordEnd"/> records.</summary>
    public static bool RecordsEnds => Runs.Enabled || TaskDuration.Enabled || QueueTime.Enabled || Cost.Enabled;

    /// <summary>Tags a run-and-wait activity with how the task ended.</summary>
    public static void TagOutcome(Activity? activity, WiroTaskResult result)
    {
        if (activity is null)
        {
            return;
        }

        var outcome = Outcome(result);
        activity.SetTag("wiro.task.status", result.Task.Status.ToWireName());
        activity.SetTag("wiro.outcome", outcome);
        if (!result.IsSuccess)
        {
            activity.SetTag("error.type", outcome);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// Records a task's end on the meter, by <paramref name="tool"/>: one run by outcome, its duration and queue
    /// time, and its cost. The caller records each task once (see <see cref="RecentTaskIds"/>).
    /// </summary>
    public static void RecordEnd(string tool, WiroTaskResult result)
    {
        var task = result.Task;
        var toolTag = new KeyValuePair<string, object?>("wiro.tool", tool);
        Runs.Add(1, toolTag, new KeyValuePair<string, object?>("wiro.outcome", Outcome(result)));
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

    private static string Outcome(WiroTaskResult result)
        => result.IsSuccess ? "success" : result.IsCancelled ? "cancelled" : "failure";

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
