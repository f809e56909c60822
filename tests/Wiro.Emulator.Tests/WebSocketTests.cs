using System.Net.WebSockets;
using System.Text.Json;

namespace Wiro.Emulator.Tests;

public sealed class WebSocketTests
{
    private static readonly string[] SuccessFrames =
    [
        "task_queue", "task_accept", "task_preprocess_start", "task_preprocess_end", "task_assign", "task_start",
        "task_output", "task_output", "task_output", "task_output", "task_output_full",
        "task_end", "task_postprocess_start", "task_postprocess_end",
    ];

    [Fact]
    public async Task Frames_of_a_finished_task_arrive_in_order_and_end_with_its_outputs()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var (taskId, token) = (run.Root.GetProperty("taskid").GetString(), run.Root.GetProperty("socketaccesstoken").GetString()!);
        env.Advance(20);

        var (frames, close) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, token);

        Assert.Equal(SuccessFrames, frames.Select(SocketReader.Type));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close);
        Assert.All(frames, f =>
        {
            Assert.Equal(taskId, f.GetProperty("id").GetString());
            Assert.Equal(token, f.GetProperty("tasktoken").GetString());
            Assert.True(f.GetProperty("result").GetBoolean());
        });
        Assert.Equal(JsonValueKind.Null, frames[1].GetProperty("message").ValueKind);
        Assert.Equal("Loading model weights", frames[6].GetProperty("message").GetString());
        var progress = frames.Skip(7).Take(3).Select(f => f.GetProperty("message")).ToList();
        Assert.All(progress, p => Assert.Equal("progressGenerate", p.GetProperty("type").GetString()));
        Assert.Equal(["30", "60", "100"], progress.Select(p => p.GetProperty("percentage").GetString()));
        Assert.Equal(["3", "6", "10"], progress.Select(p => p.GetProperty("stepCurrent").GetString()));
        Assert.All(progress, p => Assert.Equal("10", p.GetProperty("stepTotal").GetString()));
        Assert.Equal(JsonValueKind.String, frames[10].GetProperty("message").GetProperty("raw").ValueKind);
        var output = Assert.Single(frames[^1].GetProperty("message").EnumerateArray().ToList());
        Assert.Equal("0.png", output.GetProperty("name").GetString());
        Assert.EndsWith($"/files/{taskId}/0.png", output.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_follow_a_live_task_on_the_real_clock()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", StatusStepDuration = TimeSpan.FromMilliseconds(20) });
        using var api = new WiroApi(emulator.BaseAddress, "k", "s");
        var run = await api.PostJsonAsync("Run/a/b", "{}");

        var (frames, close) = await SocketReader.ReadAllAsync(emulator.WebSocketAddress, run.Root.GetProperty("socketaccesstoken").GetString()!);

        Assert.Equal(SuccessFrames, frames.Select(SocketReader.Type));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close);
    }

    [Fact]
    public async Task A_failure_sends_stderr_frames_and_an_empty_output_list()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "CUDA out of memory"));
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        env.Advance(20);

        var (frames, _) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, run.Root.GetProperty("socketaccesstoken").GetString()!);

        var types = frames.Select(SocketReader.Type).ToList();
        Assert.True(types.IndexOf("task_error") < types.IndexOf("task_end"));
        Assert.Equal("CUDA out of memory", frames[types.IndexOf("task_error")].GetProperty("message").GetString());
        Assert.Equal("CUDA out of memory", frames[types.IndexOf("task_error_full")].GetProperty("message").GetProperty("raw").GetString());
        Assert.Equal("task_postprocess_end", types[^1]);
        Assert.Empty(frames[^1].GetProperty("message").EnumerateArray());
    }

    [Fact]
    public async Task An_error_before_run_ends_the_frames_at_task_error()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.ErrorBeforeRun("no GPU"));
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        env.Advance(20);

        var (frames, close) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, run.Root.GetProperty("socketaccesstoken").GetString()!);

        Assert.Equal(["task_queue", "task_accept", "task_preprocess_start", "task_error"], frames.Select(SocketReader.Type));
        Assert.Equal("no GPU", frames[^1].GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close);
    }

    [Fact]
    public async Task A_cancelled_task_ends_with_task_cancel()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        env.Advance(1);
        await env.Api.PostJsonAsync("Task/Cancel", $$"""{"taskid":"{{run.Root.GetProperty("taskid").GetString()}}"}""");
        env.Advance(20);

        var (frames, _) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, run.Root.GetProperty("socketaccesstoken").GetString()!);

        Assert.Equal(["task_queue", "task_accept", "task_cancel"], frames.Select(SocketReader.Type));
    }

    [Fact]
    public async Task An_unknown_token_is_closed_at_once()
    {
        await using var env = await Emulated.StartAsync();

        var (frames, close) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, "NoSuchTokenNoSuchTokenNoSuchTo");

        Assert.Empty(frames);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close);
    }
}
