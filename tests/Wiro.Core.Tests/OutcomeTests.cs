using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>How tasks end: failure, error before the run, cancel, kill, and a cancelled wait.</summary>
public sealed class OutcomeTests
{
    [Fact]
    public async Task Non_zero_exit_code_is_a_failure_with_its_reason()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "CUDA out of memory"));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.False(result.IsSuccess);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, result.Status);
        Assert.Equal("1", result.ExitCode);
        Assert.Empty(result.Outputs);
        Assert.Contains("CUDA out of memory", result.FailureReason);
    }

    [Fact]
    public async Task Task_error_from_task_detail_ends_the_wait_as_a_failure()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.ErrorBeforeRun("Model could not be loaded"));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.False(result.IsSuccess);
        Assert.Equal(WiroTaskStatus.TaskError, result.Status);
        Assert.True(string.IsNullOrEmpty(result.ExitCode));
        Assert.Contains("before the model ran", result.FailureReason);
        Assert.Contains("Model could not be loaded", result.FailureReason);
    }

    [Fact]
    public async Task Queued_task_can_be_cancelled()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Slow(TimeSpan.FromSeconds(30)));
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        var cancelled = await env.Client.CancelTaskAsync(run.TaskId);
        var result = await env.Client.WaitForCompletionAsync(run);

        Assert.Equal(WiroTaskStatus.TaskCancel, cancelled.Status);
        Assert.True(result.IsCancelled);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task Running_task_can_be_killed_but_not_cancelled()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        await using var env = await TestEnvironment.StartAsync(emulator: options => { options.Clock = clock; options.StatusStepDuration = TimeSpan.FromSeconds(1); });
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        clock.Advance(TimeSpan.FromSeconds(6.5)); // task_output: the model runs

        var refused = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.CancelTaskAsync(run.TaskId));
        var killed = await env.Client.KillTaskAsync(run.TaskId);

        Assert.Equal(1, refused.Code);
        Assert.Equal(WiroTaskStatus.TaskCancel, killed.Status);
        Assert.Equal(WiroTaskStatus.TaskCancel, (await env.Client.GetTaskByIdAsync(run.TaskId)).Status);
    }

    [Fact]
    public async Task Cancelled_wait_stops_at_once_and_leaves_the_task_running()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Slow(TimeSpan.FromSeconds(30)));
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.Client.WaitForCompletionAsync(run, cancellationToken: cancellation.Token));

        Assert.NotEqual(WiroTaskStatus.TaskCancel, (await env.Client.GetTaskByIdAsync(run.TaskId)).Status);
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path == "/v1/Task/Kill");
    }

    [Fact]
    public async Task Cancelled_wait_kills_the_task_when_asked_to()
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.KillTaskOnCancel = true);
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Slow(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();
        // Cancelled once the wait has begun (its first report), not after a time that a slow Run could outlast: only
        // the wait kills on cancel, a cancelled Run has no task to kill.
        var progress = new SynchronousProgress(_ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest(), progress, cancellation.Token));

        var run = env.Emulator.Requests.Single(r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Contains(env.Emulator.Requests, r => r.Path == "/v1/Task/Kill");
    }
}
