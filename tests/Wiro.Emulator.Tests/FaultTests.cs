using System.Text.Json;

namespace Wiro.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Too_many_requests_answers_429_with_retry_after_and_the_envelope_once()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.TooManyRequests(retryAfter: TimeSpan.FromSeconds(1.5), endpoint: "/Task/Detail"));
        var taskId = await env.Api.RunAsync();

        var limited = await env.Api.PostJsonAsync("Task/Detail", $$"""{"taskid":"{{taskId}}"}""");
        var next = await env.Api.PostJsonAsync("Task/Detail", $$"""{"taskid":"{{taskId}}"}""");

        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.RetryAfter?.Delta);
        Assert.False(limited.Result);
        Assert.Equal(0, limited.Error.Code);
        Assert.Equal(200, next.Status);
        Assert.True(next.Result);
    }

    [Fact]
    public async Task Server_error_answers_500_with_the_envelope()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ServerError());

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal(500, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal(0, answer.Error.Code);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_answer()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.DropConnection("/Run"));

        await Assert.ThrowsAsync<HttpRequestException>(() => env.Api.PostJsonAsync("Run/a/b", "{}"));
        Assert.Equal(200, (await env.Api.PostJsonAsync("Run/a/b", "{}")).Status);
        Assert.Equal(2, env.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Malformed_json_is_a_200_that_does_not_parse()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.MalformedJson("/Run"));

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal(200, answer.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(answer.Text));
    }

    [Fact]
    public async Task Result_false_is_a_200_with_the_given_code_and_message()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultFalse(97, "Insufficient balance", "/Run"));

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal(200, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal((97, "Insufficient balance"), answer.Error);
    }

    [Fact]
    public async Task The_concurrency_limit_is_error_96()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ConcurrencyLimit("/Run"));

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.False(answer.Result);
        Assert.Equal(96, answer.Error.Code);
        Assert.Contains("concurrent task limit", answer.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_until_the_clock_has_moved_on()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.Delay(TimeSpan.FromMinutes(5), "/Run"));

        var pending = env.Api.PostJsonAsync("Run/a/b", "{}");
        while (env.Emulator.Requests.Count == 0 && !pending.IsCompleted)
        {
            await Task.Delay(10);
        }

        Assert.NotSame(pending, await Task.WhenAny(pending, Task.Delay(300)));
        env.Clock.Advance(TimeSpan.FromMinutes(5));
        var answer = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, answer.Status);
        Assert.True(answer.Result);
    }

    [Fact]
    public async Task A_fault_for_one_endpoint_leaves_the_others_alone()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Task/Kill"));

        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var detail = await env.Api.PostJsonAsync("Task/Detail", $$"""{"taskid":"{{run.Root.GetProperty("taskid").GetString()}}"}""");
        var kill = await env.Api.PostJsonAsync("Task/Kill", $$"""{"taskid":"{{run.Root.GetProperty("taskid").GetString()}}"}""");

        Assert.Equal((200, 200, 500), (run.Status, detail.Status, kill.Status));
    }

    [Fact]
    public async Task Queued_faults_play_in_order_each_once()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ServerError());
        env.Emulator.EnqueueFault(WiroFault.TooManyRequests(TimeSpan.FromSeconds(1), "v1/Run"));
        env.Emulator.EnqueueFault(WiroFault.ResultFalse(0, "nope"));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");
            statuses.Add(answer.Status == 200 && !answer.Result ? -200 : answer.Status);
        }

        Assert.Equal([500, 429, -200, 200], statuses);
        Assert.Equal(4, env.Emulator.Requests.Count);
    }

    [Fact]
    public async Task File_downloads_can_fault_too_but_only_when_targeted()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Advance(20);
        var url = new Uri(env.Emulator.BaseAddress, $"/files/{taskId}/0.png");
        env.Emulator.EnqueueFault(WiroFault.ServerError());
        env.Emulator.EnqueueFault(WiroFault.ServerError("/files"));

        var first = await env.Api.Http.GetAsync(url);
        var second = await env.Api.Http.GetAsync(url);
        var detail = await env.Api.PostJsonAsync("Task/Detail", $$"""{"taskid":"{{taskId}}"}""");

        Assert.Equal((500, 200, 500), ((int)first.StatusCode, (int)second.StatusCode, detail.Status));
    }

    [Fact]
    public async Task A_fault_comes_before_auth()
    {
        await using var env = await Emulated.StartAsync();
        using var stranger = new WiroApi(env.Emulator.BaseAddress, "nobody", "nothing");
        env.Emulator.EnqueueFault(WiroFault.TooManyRequests(TimeSpan.FromSeconds(3)));

        Assert.Equal(429, (await stranger.PostJsonAsync("Task/Detail", "{}")).Status);
        Assert.Equal(401, (await stranger.PostJsonAsync("Task/Detail", "{}")).Status);
    }
}
