namespace Wiro.Emulator.Tests;

public sealed class CancelAndKillTests
{
    [Fact]
    public async Task A_queued_task_is_cancelled_by_id_and_stays_cancelled()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Advance(2);

        var answer = await env.Api.PostJsonAsync("Task/Cancel", $$"""{"taskid":"{{taskId}}"}""");
        env.Advance(20);
        var later = await env.Api.DetailAsync(taskId);

        Assert.True(answer.Result);
        Assert.Equal("task_cancel", answer.Root.GetProperty("tasklist")[0].GetProperty("status").GetString());
        Assert.Equal("task_cancel", later.GetProperty("status").GetString());
        Assert.Equal(env.Clock.GetUtcNow().AddSeconds(-20).ToUnixTimeSeconds().ToString(), later.GetProperty("canceltime").GetString());
        Assert.Equal("0", later.GetProperty("starttime").GetString());
        Assert.Empty(later.GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task Cancel_takes_a_task_token_too()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");

        var answer = await env.Api.PostJsonAsync("Task/Cancel", $$"""{"tasktoken":"{{run.Root.GetProperty("socketaccesstoken").GetString()}}"}""");

        Assert.Equal("task_cancel", answer.Root.GetProperty("tasklist")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_running_task_cannot_be_cancelled_only_killed()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var taskId = run.Root.GetProperty("taskid").GetString();
        env.Advance(6);

        var cancel = await env.Api.PostJsonAsync("Task/Cancel", $$"""{"taskid":"{{taskId}}"}""");
        var kill = await env.Api.PostJsonAsync("Task/Kill", $$"""{"socketaccesstoken":"{{run.Root.GetProperty("socketaccesstoken").GetString()}}"}""");

        Assert.Equal(200, cancel.Status);
        Assert.False(cancel.Result);
        Assert.Equal(1, cancel.Error.Code);
        Assert.True(kill.Result);
        Assert.Equal("task_cancel", kill.Root.GetProperty("tasklist")[0].GetProperty("status").GetString());
        env.Advance(20);
        Assert.Equal("task_cancel", (await env.Api.DetailAsync(taskId!)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Task/Kill")]
    [InlineData("Task/Cancel")]
    public async Task An_ended_task_cannot_be_stopped(string endpoint)
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Advance(20);

        var answer = await env.Api.PostJsonAsync(endpoint, $$"""{"taskid":"{{taskId}}"}""");

        Assert.False(answer.Result);
        Assert.Equal(1, answer.Error.Code);
        Assert.Equal("task_postprocess_end", (await env.Api.DetailAsync(taskId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stopping_an_unknown_task_is_error_1()
    {
        await using var env = await Emulated.StartAsync();

        var answer = await env.Api.PostJsonAsync("Task/Kill", """{"taskid":"424242"}""");

        Assert.False(answer.Result);
        Assert.Equal(1, answer.Error.Code);
    }
}
