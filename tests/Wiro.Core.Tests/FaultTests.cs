using System.Net;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>The failures the real API produces: retried where safe, surfaced as typed exceptions otherwise.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Too_many_requests_on_task_detail_is_retried()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.TooManyRequests(TimeSpan.FromSeconds(1), "/Task/Detail"));
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        var task = await env.Client.GetTaskByIdAsync(run.TaskId);

        // Only the retry is asserted: the length of the wait is not timed (no timing assertions in tests).
        Assert.Equal(run.TaskId, task.Id);
        Assert.Equal(2, env.Emulator.Requests.Count(r => r.Path == "/v1/Task/Detail"));
    }

    [Fact]
    public async Task Too_many_requests_on_run_is_not_retried()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.TooManyRequests(TimeSpan.FromSeconds(1), "/Run"));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.HttpStatus);
        Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("server error")]
    [InlineData("dropped connection")]
    public async Task Transient_failures_of_task_detail_are_retried(string kind)
    {
        await using var env = await TestEnvironment.StartAsync();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(kind == "server error" ? WiroFault.ServerError("/Task/Detail") : WiroFault.DropConnection("/Task/Detail"));

        var result = await env.Client.WaitForCompletionAsync(run);

        Assert.True(result.IsSuccess, result.FailureReason);
    }

    [Fact]
    public async Task Server_error_on_run_surfaces_with_its_status()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.HttpStatus);
    }

    [Fact]
    public async Task Dropped_connection_on_run_is_a_wiro_error_and_not_retried()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.DropConnection("/Run"));

        await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slow_answers_still_arrive()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.Delay(TimeSpan.FromMilliseconds(500), "/Run"));

        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        Assert.False(string.IsNullOrEmpty(run.TaskId));
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_wiro_error()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.MalformedJson("/Run"));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Contains("malformed JSON", error.Message);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Fact]
    public async Task Result_false_with_http_200_is_an_error_with_wiro_code_and_message()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultFalse(97, "Insufficient balance", "/Run"));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(97, error.Code);
        Assert.Equal("Insufficient balance", error.WiroMessage);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Fact]
    public async Task Concurrency_limit_has_its_own_exception()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ConcurrencyLimit("/Run"));

        var error = await Assert.ThrowsAsync<WiroConcurrencyLimitException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(96, error.Code);
    }
}
