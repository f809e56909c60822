namespace Wiro.Core.Tests;

/// <summary>
/// The waiting rules, over scripted Task/Detail answers: unknown statuses and task_end never end a wait, task_error
/// from Task/Detail does, and leaving or cancelling a watch stops it (killing only when asked).
/// </summary>
public sealed class WaitingRulesTests
{
    private static readonly WiroRunResult Run = new("7", "tok");

    [Fact]
    public async Task Unknown_statuses_and_task_end_never_end_the_wait()
    {
        var statuses = new[] { "task_queue", "task_teleport", "task_end", "task_end", "task_postprocess_start", "task_postprocess_end" };
        var handler = new ScriptedHandler((_, i) => ScriptedHandler.Task(statuses[Math.Min(i, statuses.Length - 1)], pexit: i >= 2 ? "0" : ""));
        using var client = ScriptedHandler.Client(handler);
        var progress = new RecordingProgress();

        var result = await client.WaitForCompletionAsync(Run, progress);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(statuses.Length, handler.Sent.Count);
        Assert.All(handler.Sent, r => Assert.Equal("""{"tasktoken":"tok"}""", r.Body));
        Assert.Equal(["task_queue", "task_teleport", "task_end", "task_postprocess_start", "task_postprocess_end"], progress.Updates.Select(u => u.RawStatus));
        Assert.Equal(WiroTaskStatus.Unknown, progress.Updates[1].Status);
    }

    [Fact]
    public async Task Task_error_from_task_detail_is_a_terminal_failure()
    {
        var handler = new ScriptedHandler((_, i) => ScriptedHandler.Task(i == 0 ? "task_queue" : "task_error", debugError: "image not found"));
        using var client = ScriptedHandler.Client(handler);

        var result = await client.WaitForCompletionAsync(Run);

        Assert.False(result.IsSuccess);
        Assert.Equal(WiroTaskStatus.TaskError, result.Status);
        Assert.Contains("image not found", result.FailureReason);
        Assert.Equal(2, handler.Sent.Count);
    }

    [Fact]
    public async Task A_task_read_earlier_can_be_waited_for()
    {
        var handler = new ScriptedHandler((_, i) => ScriptedHandler.Task(i == 0 ? "task_start" : "task_cancel"));
        using var client = ScriptedHandler.Client(handler);
        var task = await client.GetTaskByIdAsync("7");

        var result = await client.WaitForCompletionAsync(task);

        Assert.True(result.IsCancelled);
        Assert.Equal("""{"tasktoken":"tok"}""", handler.Sent[1].Body);
    }

    [Fact]
    public async Task Leaving_a_watch_early_stops_polling_and_kills_nothing()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Task("task_start"));
        using var client = ScriptedHandler.Client(handler, options => options.KillTaskOnCancel = true);

        await foreach (var update in client.WatchAsync(Run))
        {
            Assert.Equal(WiroTaskStatus.TaskStart, update.Status);
            break;
        }

        // Leaving the loop waits for the follower to stop, so nothing more can be sent after this point.
        var sentWhenLeft = handler.Sent.Count;
        await Task.Delay(50);
        Assert.Equal(sentWhenLeft, handler.Sent.Count);
        Assert.DoesNotContain(handler.Sent, r => r.Path == "/v1/Task/Kill");
    }

    [Fact]
    public async Task Cancelling_a_watch_kills_the_task_when_asked_to()
    {
        var handler = new ScriptedHandler((request, _) => ScriptedHandler.Task(request.Path == "/v1/Task/Kill" ? "task_cancel" : "task_start"));
        using var client = ScriptedHandler.Client(handler, options => options.KillTaskOnCancel = true);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.WatchAsync(Run, cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        var kill = Assert.Single(handler.Sent, r => r.Path == "/v1/Task/Kill");
        Assert.Equal("""{"taskid":"7"}""", kill.Body);
    }

    [Fact]
    public async Task A_failed_kill_does_not_hide_the_cancellation()
    {
        var handler = new ScriptedHandler((request, _) => request.Path == "/v1/Task/Kill"
            ? ScriptedHandler.Json("""{"result":false,"errors":[{"code":1,"message":"Task is not running"}]}""")
            : ScriptedHandler.Task("task_queue"));
        using var client = ScriptedHandler.Client(handler, options => options.KillTaskOnCancel = true);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCompletionAsync(Run, cancellationToken: cancellation.Token));

        Assert.Single(handler.Sent, r => r.Path == "/v1/Task/Kill");
    }

    [Fact]
    public async Task Polling_goes_on_through_running_statuses_whatever_the_growth_factor()
    {
        var handler = new ScriptedHandler((_, i) => ScriptedHandler.Task(i < 6 ? "task_output" : "task_postprocess_end", pexit: "0"));
        using var client = ScriptedHandler.Client(handler, options =>
        {
            options.PollingInterval = TimeSpan.FromMilliseconds(1);
            options.PollingBackoffFactor = 3.7;
            options.MaxPollingInterval = TimeSpan.FromMilliseconds(5);
        });

        var result = await client.WaitForCompletionAsync(Run);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(7, handler.Sent.Count);
    }
}
