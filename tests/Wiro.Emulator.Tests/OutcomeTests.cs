namespace Wiro.Emulator.Tests;

public sealed class OutcomeTests
{
    [Fact]
    public async Task A_failure_ends_post_processed_with_its_exit_code_and_error_and_no_outputs()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure(exitCode: "1", debugError: "CUDA out of memory"));
        var taskId = await env.Api.RunAsync();
        env.Advance(20);

        var task = await env.Api.DetailAsync(taskId);

        Assert.Equal("task_postprocess_end", task.GetProperty("status").GetString());
        Assert.Equal("1", task.GetProperty("pexit").GetString());
        Assert.Equal("CUDA out of memory", task.GetProperty("debugerror").GetString());
        Assert.Empty(task.GetProperty("outputs").EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await env.Api.Http.GetAsync(new Uri(env.Emulator.BaseAddress, $"/files/{taskId}/0.png"))).StatusCode);
    }

    [Fact]
    public async Task An_error_before_run_stops_at_task_error_with_an_empty_exit_code()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.ErrorBeforeRun("Model could not be loaded"));
        var taskId = await env.Api.RunAsync();

        var early = await env.Api.DetailAsync(taskId);
        env.Advance(20);
        var task = await env.Api.DetailAsync(taskId);

        Assert.Equal("task_queue", early.GetProperty("status").GetString());
        Assert.Equal("", early.GetProperty("debugerror").GetString());
        Assert.Equal("task_error", task.GetProperty("status").GetString());
        Assert.Equal("", task.GetProperty("pexit").GetString());
        Assert.Equal("Model could not be loaded", task.GetProperty("debugerror").GetString());
        Assert.Empty(task.GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task A_slow_task_takes_its_own_step_duration()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Slow(TimeSpan.FromMinutes(1)));
        var slow = await env.Api.RunAsync();
        var normal = await env.Api.RunAsync();
        env.Advance(20);

        Assert.Equal("task_postprocess_end", (await env.Api.DetailAsync(normal)).GetProperty("status").GetString());
        Assert.Equal("task_queue", (await env.Api.DetailAsync(slow)).GetProperty("status").GetString());
        env.Clock.Advance(TimeSpan.FromMinutes(10));
        var done = await env.Api.DetailAsync(slow);
        Assert.Equal(("task_postprocess_end", "0"), (done.GetProperty("status").GetString(), done.GetProperty("pexit").GetString()));
    }

    [Fact]
    public async Task Outcomes_apply_to_the_next_runs_in_order_then_runs_succeed()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("137", "killed"));
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("2", "bad input"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await env.Api.RunAsync());
        }

        env.Advance(20);
        var exits = new List<string?>();
        foreach (var id in ids)
        {
            exits.Add((await env.Api.DetailAsync(id)).GetProperty("pexit").GetString());
        }

        Assert.Equal(["137", "2", "0"], exits);
    }

    [Fact]
    public void A_failure_needs_a_non_zero_exit_code()
    {
        Assert.Throws<ArgumentException>(() => WiroTaskOutcome.Failure("0", "not a failure"));
    }
}
