using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// Memory stays bounded whatever the server sends: an API answer over MaxResponseBytes is refused (from its
/// Content-Length, or once a chunked body passes the cap), and a WebSocket message over MaxWebSocketMessageBytes, or
/// one that never ends, drops the socket while the wait goes on by polling.
/// </summary>
public sealed class AnswerCapTests
{
    private const int Cap = 64 * 1024;

    // {"result":true,"tasklist":[{"id":"1","debugoutput":"  ...  "}]}
    private const int Framing = 52 + 4;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_larger_than_the_cap_is_refused_and_not_retried(bool declareLength)
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.MaxResponseBytes = Cap);
        env.Emulator.EnqueueFault(WiroFault.OversizedAnswer(8 * 1024 * 1024, declareLength, "/Task/Detail"));

        var error = await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => env.Client.GetTaskByIdAsync("1"));

        Assert.IsAssignableFrom<WiroMalformedResponseException>(error);
        Assert.Equal(Cap, error.MaxBytes);
        Assert.Equal(declareLength ? 8 * 1024 * 1024 : null, error.ContentLength);
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Task/Detail");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_of_exactly_the_cap_is_read(bool declareLength)
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.MaxResponseBytes = Cap);
        env.Emulator.EnqueueFault(WiroFault.OversizedAnswer(Cap, declareLength, "/Task/Detail"));

        var task = await env.Client.GetTaskByIdAsync("1");

        Assert.Equal("1", task.Id);
        Assert.Equal(Cap - Framing, task.DebugOutput!.Length);
    }

    [Fact]
    public async Task An_oversized_answer_on_run_is_refused_too()
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.MaxResponseBytes = Cap);
        env.Emulator.EnqueueFault(WiroFault.OversizedAnswer(Cap + 1, declareLength: false, "/Run"));

        await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));
    }

    [Fact]
    public async Task A_websocket_message_that_never_ends_drops_the_socket_and_the_wait_polls()
    {
        // The idle timeout is far away, so only dropping the socket on the cap can end this wait in time.
        await using var env = await TestEnvironment.StartAsync(
            client: options =>
            {
                options.MaxWebSocketMessageBytes = Cap;
                options.WebSocketIdleTimeout = TimeSpan.FromMinutes(10);
            },
            webSocket: true);
        env.Emulator.EnqueueFault(WiroFault.EndlessWebSocketMessage(4 * 1024 * 1024));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest(), cancellationToken: limit.Token);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Contains(env.Emulator.Requests, r => r.Path == "/v1/Task/Detail");
    }

    [Theory]
    [InlineData(0, 1, 1.0, 0)]
    [InlineData(1, -1, 1.0, 0)]
    [InlineData(int.MaxValue, 1, 1.0, 0)]
    [InlineData(1, 1, 0.0, 0)]
    [InlineData(1, 1, 1.0, -1)]
    public void Caps_and_the_stall_rule_must_be_valid(int maxResponseBytes, int maxWebSocketMessageBytes, double stallSeconds, int minimumRate)
    {
        var options = new WiroClientOptions
        {
            ApiKey = "k",
            MaxResponseBytes = maxResponseBytes,
            MaxWebSocketMessageBytes = maxWebSocketMessageBytes,
            DownloadStallTimeout = TimeSpan.FromSeconds(stallSeconds),
            MinimumDownloadBytesPerSecond = minimumRate,
        };

        Assert.Throws<ArgumentException>(() => new WiroClient(options));
    }

    [Fact]
    public async Task A_trickling_api_answer_fails_within_the_timeout_as_a_timeout()
    {
        // An API answer is bounded whole by Timeout (headers and body), reported as HttpClient reports its own timeout.
        await using var env = await TestEnvironment.StartAsync(client: options =>
        {
            options.Timeout = TimeSpan.FromMilliseconds(500);
            options.MaxRetries = 0;
        });
        env.Emulator.EnqueueFault(WiroFault.TrickleBody(TimeSpan.FromMilliseconds(200), "/Task/Detail"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => env.Client.GetTaskByIdAsync("1", limit.Token));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.False(limit.IsCancellationRequested);
    }
}
