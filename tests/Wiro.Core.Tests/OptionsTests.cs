namespace Wiro.Core.Tests;

/// <summary>Options are checked up front with messages that name the setting, and never reveal the secret.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void WebSocket_defaults_to_wiro_only_with_the_default_base_address()
    {
        Assert.Equal(WiroClientOptions.DefaultWebSocketAddress, new WiroClientOptions().EffectiveWebSocketAddress);
        Assert.Null(new WiroClientOptions { BaseAddress = new Uri("https://proxy.example.com/v1/") }.EffectiveWebSocketAddress);
        Assert.Null(new WiroClientOptions { UseWebSocket = false }.EffectiveWebSocketAddress);
        var own = new Uri("wss://socket.example.com/v1");
        Assert.Equal(own, new WiroClientOptions { BaseAddress = new Uri("https://proxy.example.com/v1/"), WebSocketAddress = own }.EffectiveWebSocketAddress);
    }

    [Theory]
    [InlineData("ws://socket.example.com/v1")]
    [InlineData("https://socket.example.com/v1")]
    public void Unencrypted_or_wrong_websocket_addresses_are_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(o => o.WebSocketAddress = new Uri(address)));

        Assert.Contains("WebSocketAddress", error.Message);
    }

    [Theory]
    [InlineData("http://[::1]:5000/v1/")]
    [InlineData("http://127.0.0.1/v1/")]
    public void Loopback_http_is_allowed(string address)
        => Validate(o => o.BaseAddress = new Uri(address));

    [Fact]
    public void Key_with_a_line_break_is_refused_without_showing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(o => o.ApiKey = "pasted-key\n"));

        Assert.Contains("control characters", error.Message);
        Assert.DoesNotContain("pasted-key", error.Message);
    }

    [Fact]
    public void Secret_with_a_line_break_is_refused_without_showing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(o => o.ApiSecret = "s3cr3t-value\r\n"));

        Assert.DoesNotContain("s3cr3t-value", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Polling_factor_must_be_a_real_growth(double factor)
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(o => o.PollingBackoffFactor = factor));

        Assert.Contains("PollingBackoffFactor", error.Message);
    }

    [Fact]
    public void Other_bad_timings_are_named()
    {
        Assert.Contains("MaxPollingInterval", Assert.Throws<ArgumentException>(() => Validate(o => o.MaxPollingInterval = TimeSpan.FromMilliseconds(1))).Message);
        Assert.Contains("MaxRetries", Assert.Throws<ArgumentException>(() => Validate(o => o.MaxRetries = -1)).Message);
        Assert.Contains("WebSocketIdleTimeout", Assert.Throws<ArgumentException>(() => Validate(o => o.WebSocketIdleTimeout = TimeSpan.Zero)).Message);
        Assert.Contains("WebSocketConnectTimeout", Assert.Throws<ArgumentException>(() => Validate(o => o.WebSocketConnectTimeout = TimeSpan.FromSeconds(-1))).Message);
        Assert.Contains("Timeout", Assert.Throws<ArgumentException>(() => Validate(o => o.Timeout = TimeSpan.Zero)).Message);
        Validate(o => o.Timeout = Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void The_call_timeout_and_the_progress_interval_are_checked()
    {
        Assert.Contains("CallTimeout", Assert.Throws<ArgumentException>(() => Validate(o => o.CallTimeout = TimeSpan.Zero)).Message);
        Assert.Contains("CallTimeout", Assert.Throws<ArgumentException>(() => Validate(o => o.CallTimeout = TimeSpan.FromSeconds(-5))).Message);
        Assert.Contains("ProgressReportInterval", Assert.Throws<ArgumentException>(() => Validate(o => o.ProgressReportInterval = TimeSpan.FromMilliseconds(-1))).Message);
        Validate(o => o.CallTimeout = Timeout.InfiniteTimeSpan);
        Validate(o => o.ProgressReportInterval = TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMinutes(2), new WiroClientOptions().CallTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), new WiroClientOptions().ProgressReportInterval);
    }

    [Fact]
    public void Missing_key_is_named()
        => Assert.Contains("ApiKey", Assert.Throws<ArgumentException>(() => Validate(o => o.ApiKey = " ")).Message);

    [Fact]
    public async Task A_disposed_client_that_owns_its_http_client_refuses_calls()
    {
        var client = new WiroClient(new WiroClientOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:1/v1/") });
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetTaskByIdAsync("1"));
    }

    [Fact]
    public async Task Credentials_are_fixed_when_the_client_is_made()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Task("task_queue"));
        using var client = ScriptedHandler.Client(handler);

        client.Options.ApiKey = "changed-later";
        await client.GetTaskByIdAsync("7");

        var headers = handler.Sent.Single().Headers;
        Assert.Equal(TestEnvironment.Key, headers["x-api-key"]);
        Assert.Equal(new WiroSigner(TestEnvironment.Key, TestEnvironment.Secret).Sign(headers["x-nonce"]), headers["x-signature"]);
    }

    private static void Validate(Action<WiroClientOptions> change)
    {
        var options = new WiroClientOptions { ApiKey = "key", ApiSecret = "secret" };
        change(options);
        using var client = new WiroClient(new HttpClient(), options);
    }
}
