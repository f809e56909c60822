using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>The generated LTX-Video client against the emulator over real HTTP on 127.0.0.1.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Run_and_wait_succeeds_and_downloads_a_real_png()
    {
        await using var env = await TestEnvironment.StartAsync();
        var progress = new RecordingProgress();
        var request = new LtxVideoText2VideoRequest { Prompt = "a red kite over the sea", NumFrames = 121 };

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(request, progress);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, result.Status);
        Assert.Equal("0", result.ExitCode);
        var output = Assert.Single(result.Outputs);
        Assert.Equal("image/png", output.ContentType);
        // Which early statuses the socket still sees depends on how fast it connects (15 ms a step); their order does not.
        var order = progress.Updates.Select(u => Array.IndexOf(Enum.GetValues<WiroTaskStatus>(), u.Status)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, progress.Updates[^1].Status);

        var path = Path.Combine(Path.GetTempPath(), "wiro-core-" + Guid.NewGuid().ToString("N"), output.Name);
        await output.DownloadToFileAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

        var run = env.Emulator.Requests.Single(r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Equal("/v1/Run/wiroai/LTX-Video-Text2Video", run.Path);
        Assert.Equal("a red kite over the sea", run.Fields["prompt"].Single());
        Assert.Equal("121", run.Fields["numFrames"].Single());
        Assert.Equal("42", run.Fields["seed"].Single());
        Assert.True(run.HasSignature);
    }

    [Fact]
    public async Task Task_can_be_read_by_id_and_by_token()
    {
        await using var env = await TestEnvironment.StartAsync();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        var byId = await env.Client.GetTaskByIdAsync(run.TaskId);
        var byToken = await env.Client.GetTaskByTokenAsync(run.SocketAccessToken);

        Assert.Equal(run.TaskId, byId.Id);
        Assert.Equal(run.TaskId, byToken.Id);
        Assert.Equal(run.SocketAccessToken, byId.SocketAccessToken);
        Assert.NotEqual(WiroTaskStatus.Unknown, byId.Status);
        Assert.Contains("\"prompt\"", byId.ParametersJson);
    }

    [Fact]
    public async Task Watch_streams_every_status_in_order_until_the_end()
    {
        // A fake clock moved one status step per update: the stream must show each step once, in order.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var step = TimeSpan.FromSeconds(1);
        await using var env = await TestEnvironment.StartAsync(emulator: options => { options.Clock = clock; options.StatusStepDuration = step; });
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        var updates = new List<WiroTaskUpdate>();
        await foreach (var update in env.Client.WatchAsync(run))
        {
            updates.Add(update);
            clock.Advance(step);
        }

        Assert.Equal(
            ["task_queue", "task_accept", "task_preprocess_start", "task_preprocess_end", "task_assign", "task_start",
             "task_output", "task_output_full", "task_end", "task_postprocess_start", "task_postprocess_end"],
            updates.Select(u => u.RawStatus));
        Assert.All(updates, u => Assert.Equal(run.TaskId, u.TaskId));
    }

    [Fact]
    public async Task WebSocket_reports_progress_and_log_lines()
    {
        await using var env = await TestEnvironment.StartAsync(webSocket: true);
        var progress = new RecordingProgress();

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest(), progress);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Contains(progress.Updates, u => u.Percentage == 100);
        Assert.Contains(progress.Updates, u => u.Message == "Loading model weights");
        Assert.Equal(progress.Updates.Select(u => u.Percentage).Where(p => p is not null).Order(), progress.Updates.Select(u => u.Percentage).Where(p => p is not null));
    }

    [Fact]
    public async Task Frames_keep_a_long_wait_off_task_detail_until_the_end_is_confirmed()
    {
        // On the client's clock, every frame comes a second after the one before (the test moves the clock as each
        // status is reported), eleven seconds in all against a 1.5 s idle timeout: only a silent window that starts
        // again with every frame keeps the wait off Task/Detail until the confirmation of the end. The clock moves only
        // with the frames, so a slow host cannot open a silent window that the frames did not.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var env = await TestEnvironment.StartAsync(
            client: options =>
            {
                options.WebSocketIdleTimeout = TimeSpan.FromSeconds(1.5);
                options.Clock = clock;
            },
            webSocket: true);
        var frames = 0;
        var progress = new SynchronousProgress(_ =>
        {
            frames++;
            clock.Advance(TimeSpan.FromSeconds(1));
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest(), progress, limit.Token);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal("task_postprocess_end", result.Task.RawStatus);
        Assert.True(frames >= 3, $"{frames} statuses reported: the wait outlasted the idle timeout on the client's clock");
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Task/Detail");
    }

    [Fact]
    public async Task Broken_WebSocket_falls_back_to_polling()
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.WebSocketAddress = new Uri("ws://127.0.0.1:1/socket/v1"));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
    }

    [Fact]
    public async Task Key_only_projects_send_no_signature()
    {
        await using var env = await TestEnvironment.StartAsync(
            emulator: options => { options.AuthMode = WiroAuthMode.ApiKeyOnly; options.ApiSecret = null; },
            client: options => options.ApiSecret = null);

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.All(env.Emulator.Requests, r => Assert.False(r.HasSignature));
    }

    [Fact]
    public async Task Wrong_secret_is_an_authentication_error_that_never_shows_the_secret()
    {
        await using var env = await TestEnvironment.StartAsync(client: options => options.ApiSecret = "wrong-secret-value");

        var error = await Assert.ThrowsAsync<WiroAuthenticationException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.HttpStatus);
        Assert.Equal("Project authorization is not valid.", error.WiroMessage);
        Assert.DoesNotContain("wrong-secret-value", error.ToString());
        Assert.DoesNotContain(TestEnvironment.Secret, error.ToString());
    }

    [Fact]
    public async Task A_given_HttpClient_is_used_and_not_disposed()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = TestEnvironment.Key, ApiSecret = TestEnvironment.Secret });
        using var http = new HttpClient();

        using (var client = new WiroClient(http, TestEnvironment.Options(emulator)))
        {
            await client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        }

        using var again = new WiroClient(http, TestEnvironment.Options(emulator));
        var run = await again.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        Assert.False(string.IsNullOrEmpty(run.TaskId));
    }

    [Fact]
    public async Task Two_hundred_concurrent_runs_get_distinct_nonces()
    {
        await using var env = await TestEnvironment.StartAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest { Seed = i.ToString() })));

        Assert.Equal(200, runs.Select(r => r.TaskId).Distinct().Count());
        var nonces = env.Emulator.Requests.Select(r => r.Nonce).ToList();
        Assert.Equal(200, nonces.Count);
        Assert.Equal(200, nonces.Distinct().Count());
    }

    [Fact]
    public async Task Emulator_validates_runs_against_the_spec()
    {
        var spec = Path.Combine(AppContext.BaseDirectory, "ltx-video-text2video.wiro.md");
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(spec));

        var valid = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        Assert.False(string.IsNullOrEmpty(valid.TaskId));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.RunAsync("wiroai", "LTX-Video-Text2Video", new ExtraInputRequest()));
        Assert.Equal(0, error.Code);
        Assert.Contains("mood", error.WiroMessage);

        var unknownTool = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.RunAsync("nobody", "nothing", new LtxVideoText2VideoRequest()));
        Assert.Equal(1, unknownTool.Code);

        // A request that leaves out a declared key is what Wiro refuses; the generated one always sends each.
        var missing = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.RunAsync("wiroai", "LTX-Video-Text2Video", new PromptOnlyRequest()));
        Assert.Contains("'negativePrompt' is missing", missing.WiroMessage);
        var unset = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest { Prompt = null!, NegativePrompt = null! });
        Assert.False(string.IsNullOrEmpty(unset.TaskId));
    }

    /// <summary>A request that sends only the prompt of the LTX-Video spec.</summary>
    private sealed record PromptOnlyRequest : WiroRequest
    {
        protected internal override void WriteParameters(WiroParameterWriter writer) => writer.WriteString("prompt", "a kite");
    }

    /// <summary>A request with an input the LTX-Video spec does not have.</summary>
    private sealed record ExtraInputRequest : WiroRequest
    {
        protected internal override void WriteParameters(WiroParameterWriter writer) => writer.WriteString("mood", "happy");
    }
}
