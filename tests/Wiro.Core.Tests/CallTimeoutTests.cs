namespace Wiro.Core.Tests;

/// <summary>
/// <see cref="WiroClientOptions.CallTimeout"/> bounds a retried call whole, attempts and waits together, on the core's
/// clock: a fake one here, moved by the test only once the client waits on it, so what is asserted is the number of
/// attempts the server counted, never the time anything took.
/// </summary>
public sealed class CallTimeoutTests
{
    [Fact]
    public async Task Retry_after_forever_ends_at_the_call_timeout_not_after_every_retry()
    {
        // 429 with Retry-After: 2 forever, CallTimeout 3 s, MaxRetries 3: the first wait (2 s) fits, the second would
        // end at 4 s, so the call ends after two attempts instead of four.
        await using var server = HostileServer.Start((_, stream, _) => TooManyRequestsAsync(stream));
        var clock = new WatchedClock();
        using var client = new WiroClient(Options(server, clock, callTimeout: TimeSpan.FromSeconds(3)));

        var call = client.GetTaskByIdAsync("77");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("CallTimeout", error.Message);
        Assert.Contains("HTTP 429", error.Message);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task Without_a_bound_the_same_call_makes_every_retry()
    {
        await using var server = HostileServer.Start((_, stream, _) => TooManyRequestsAsync(stream));
        var clock = new WatchedClock();
        using var client = new WiroClient(Options(server, clock, callTimeout: Timeout.InfiniteTimeSpan));

        var call = client.GetTaskByIdAsync("77");
        for (var retry = 1; retry <= 3; retry++)
        {
            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2), count: retry);
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        var error = await Assert.ThrowsAsync<WiroApiException>(() => call);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.HttpStatus);
        Assert.Equal(4, server.Received.Count);
    }

    [Fact]
    public async Task An_attempt_still_running_at_the_call_timeout_is_cancelled()
    {
        // The server never answers; the attempt's own timeout (100 s, real time) is far off, the call's 3 s (fake) is not.
        await using var server = HostileServer.Start((_, _, token) => Task.Delay(Timeout.Infinite, token));
        var clock = new WatchedClock();
        using var client = new WiroClient(Options(server, clock, callTimeout: TimeSpan.FromSeconds(3)));

        var call = client.GetTaskByIdAsync("77");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (server.Received.Count == 0)
            {
                await Task.Delay(10, limit.Token);
            }
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("still running", error.Message);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_run_is_one_attempt_and_is_not_bounded_by_the_call_timeout()
    {
        // The run's answer comes after the server has seen the clock moved past CallTimeout: the run still succeeds.
        var clock = new WatchedClock();
        await using var server = HostileServer.Start(async (_, stream, _) =>
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await HostileServer.WriteJsonAsync(stream, """{"result":true,"errors":[],"taskid":"77","socketaccesstoken":"tok77"}""");
        });
        using var client = new WiroClient(Options(server, clock, callTimeout: TimeSpan.FromSeconds(3)));

        var run = await client.RunAsync("wiroai", "tool", new EnvelopeAndRetryTests.EmptyRequest());

        Assert.Equal(new WiroRunResult("77", "tok77"), run);
    }

    private static Task TooManyRequestsAsync(Stream stream)
        => HostileServer.WriteAsync(stream, 429, """{"result":false,"errors":[{"code":0,"message":"Too many requests"}]}"""u8.ToArray(), "application/json", false, ("Retry-After", "2"));

    private static WiroClientOptions Options(HostileServer server, TimeProvider clock, TimeSpan callTimeout) => new()
    {
        ApiKey = TestEnvironment.Key,
        ApiSecret = TestEnvironment.Secret,
        BaseAddress = new Uri(server.Address, "v1/"),
        UseWebSocket = false,
        MaxRetries = 3,
        Timeout = TimeSpan.FromSeconds(100),
        CallTimeout = callTimeout,
        Clock = clock,
    };
}
