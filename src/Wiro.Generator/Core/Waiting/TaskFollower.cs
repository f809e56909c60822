#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

/// <summary>
/// What a <see cref="WiroClient"/> does around <see cref="TaskWaiter"/>: a wait that returns the outcome, a watch
/// that streams the updates through a channel, the task killed when the caller cancels (with
/// <see cref="WiroClientOptions.KillTaskOnCancel"/>), and each task's end put on the meter once, whichever wait or
/// watch saw it.
/// </summary>
internal sealed class TaskFollower
{
    private readonly WiroClient _client;

    /// <summary>Tasks whose end went on the meter, so that several waits on one task count it once.</summary>
    private readonly RecentTaskIds _recordedEnds = new(capacity: 4096);

    public TaskFollower(WiroClient client)
    {
        _client = client;
    }

    /// <summary>Waits for <paramref name="run"/> and records its end (by <paramref name="tool"/>, else the tool the task names).</summary>
    public async Task<WiroTaskResult> WaitAsync(WiroRunResult run, IProgress<WiroTaskUpdate>? progress, string? tool, CancellationToken cancellationToken)
    {
        var task = await FollowAsync(run, progress is null ? null : progress.Report, cancellationToken, cancellationToken).ConfigureAwait(false);
        return RecordEnd(task, tool);
    }

    /// <summary>
    /// Waits for <paramref name="run"/> as <see cref="WaitAsync(WiroRunResult, IProgress{WiroTaskUpdate}, string, CancellationToken)"/>
    /// does, handing each <c>task_output</c> message about it to <paramref name="outputMessage"/> (see
    /// <see cref="TaskWaiter"/>). <paramref name="waitToken"/> stops following; the task is killed only when
    /// <paramref name="callerToken"/> was cancelled and <see cref="WiroClientOptions.KillTaskOnCancel"/> is set.
    /// </summary>
    public async Task<WiroTaskResult> WaitAsync(
        WiroRunResult run, ITaskOutputReader outputMessage, string? tool, CancellationToken waitToken, CancellationToken callerToken)
    {
        var task = await FollowAsync(run, null, waitToken, callerToken, outputMessage).ConfigureAwait(false);
        return RecordEnd(task, tool);
    }

    /// <summary>The updates of <paramref name="run"/> until it ends; leaving the loop early stops following (without a kill).</summary>
    public async IAsyncEnumerable<WiroTaskUpdate> WatchAsync(WiroRunResult run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<WiroTaskUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = FollowIntoAsync(run, channel.Writer, stop.Token, cancellationToken);
        try
        {
            await foreach (var update in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            // Reached early when the caller leaves the loop: stop polling and let the follower finish before returning.
            stop.Cancel();
            await following.ConfigureAwait(false);
        }
    }

    /// <summary>Puts a task's end on the meter the first time this client sees it, whichever wait or watch saw it.</summary>
    private WiroTaskResult RecordEnd(WiroTask task, string? tool)
    {
        var result = new WiroTaskResult(task);
        if (WiroTelemetry.RecordsEnds && _recordedEnds.TryAdd(task.Id))
        {
            WiroTelemetry.RecordEnd(tool ?? task.Tool ?? "unknown", result);
        }

        return result;
    }

    /// <summary>
    /// Follows a task to its end. <paramref name="waitToken"/> stops following; the task is killed only when the
    /// caller's own <paramref name="callerToken"/> was cancelled and <see cref="WiroClientOptions.KillTaskOnCancel"/> is set.
    /// </summary>
    private async Task<WiroTask> FollowAsync(
        WiroRunResult run, Action<WiroTaskUpdate>? report, CancellationToken waitToken, CancellationToken callerToken, ITaskOutputReader? outputMessage = null)
    {
        try
        {
            return await new TaskWaiter(_client, run, report, outputMessage).WaitAsync(waitToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested && _client.Options.KillTaskOnCancel)
        {
            await KillQuietlyAsync(run.TaskId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Feeds <see cref="WatchAsync"/>; never throws, the channel carries the outcome.</summary>
    private async Task FollowIntoAsync(WiroRunResult run, ChannelWriter<WiroTaskUpdate> writer, CancellationToken waitToken, CancellationToken callerToken)
    {
        try
        {
            await Task.Yield();
            var task = await FollowAsync(run, update => writer.TryWrite(update), waitToken, callerToken).ConfigureAwait(false);
            RecordEnd(task, tool: null);
            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }

    private async Task KillQuietlyAsync(string taskId)
    {
        try
        {
            // Bounded: the caller asked to stop and should not wait long for a courtesy call.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.KillTaskAsync(taskId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WiroApiException or OperationCanceledException or HttpRequestException)
        {
            // Best effort: the task may already have ended, and the caller's cancellation is what they see.
        }
    }
}
