using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// Exact answers from an in-process handler: every error shape becomes the right exception, idempotent calls are
/// retried with a fresh signature, Run never is, and nothing secret reaches an exception.
/// </summary>
public sealed class EnvelopeAndRetryTests
{
    private const string RunOk = """{"result":true,"errors":[],"taskid":"2221","socketaccesstoken":"tok"}""";

    [Fact]
    public async Task Result_false_with_a_string_code_is_read()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) =>
            ScriptedHandler.Json("""{"result":false,"errors":[{"code":"97","message":"Insufficient balance"}]}""")));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.RunAsync("o", "m", new EmptyRequest()));

        Assert.Equal(97, error.Code);
        Assert.Equal("Insufficient balance", error.WiroMessage);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Fact]
    public async Task Code_96_as_a_string_is_the_concurrency_limit()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) =>
            ScriptedHandler.Json("""{"result":false,"errors":[{"code":"96","message":"Concurrent task limit reached"}]}""", HttpStatusCode.TooManyRequests)));

        var error = await Assert.ThrowsAsync<WiroConcurrencyLimitException>(() => client.RunAsync("o", "m", new EmptyRequest()));

        Assert.Equal("Concurrent task limit reached", error.WiroMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "<html>nope</html>")]
    [InlineData(HttpStatusCode.Forbidden, """{"result":false,"errors":[{"code":0,"message":"Project authorization is not valid."}]}""")]
    [InlineData(HttpStatusCode.Unauthorized, "")]
    public async Task Refused_credentials_are_an_authentication_error_without_secrets(HttpStatusCode status, string body)
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(status) { Content = new StringContent(body) });
        using var client = ScriptedHandler.Client(handler);

        var error = await Assert.ThrowsAsync<WiroAuthenticationException>(() => client.GetTaskByIdAsync("7"));

        Assert.Equal(status, error.HttpStatus);
        var signature = handler.Sent.Single().Headers["x-signature"];
        Assert.DoesNotContain(TestEnvironment.Secret, error.ToString());
        Assert.DoesNotContain(signature, error.ToString());
    }

    [Fact]
    public async Task Error_page_without_json_keeps_its_status_and_is_not_called_malformed()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) =>
            new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad gateway</html>") }));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.RunAsync("o", "m", new EmptyRequest()));

        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatus);
        Assert.Contains("502", error.Message);
    }

    [Fact]
    public async Task Run_answer_without_a_task_is_malformed()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) => ScriptedHandler.Json("""{"result":true,"errors":[]}""")));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.RunAsync("o", "m", new EmptyRequest()));

        Assert.Contains("no taskid", error.Message);
    }

    [Fact]
    public async Task Run_answer_that_is_not_an_object_is_a_refusal()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) => ScriptedHandler.Json("[1,2]")));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.RunAsync("o", "m", new EmptyRequest()));

        Assert.Equal(-1, error.Code);
    }

    [Fact]
    public async Task Task_detail_is_retried_with_a_fresh_nonce_and_signature_each_time()
    {
        var handler = new ScriptedHandler((_, i) => i < 2
            ? new HttpResponseMessage(i == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.RequestTimeout)
            : ScriptedHandler.Task("task_queue"));
        using var client = ScriptedHandler.Client(handler);

        var task = await client.GetTaskByIdAsync("7");

        Assert.Equal("7", task.Id);
        Assert.Equal(3, handler.Sent.Count);
        Assert.Equal(3, handler.Sent.Select(r => r.Headers["x-nonce"]).Distinct().Count());
        var signer = new WiroSigner(TestEnvironment.Key, TestEnvironment.Secret);
        Assert.All(handler.Sent, r => Assert.Equal(signer.Sign(r.Headers["x-nonce"]), r.Headers["x-signature"]));
        Assert.All(handler.Sent, r => Assert.Equal("""{"taskid":"7"}""", r.Body));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        using var client = ScriptedHandler.Client(handler, options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.KillTaskAsync("7"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.HttpStatus);
        Assert.Equal(3, handler.Sent.Count);
    }

    [Fact]
    public async Task Transport_errors_are_retried_for_task_detail_but_not_for_run()
    {
        var failures = 0;
        var handler = new ScriptedHandler((request, _) =>
        {
            if (Interlocked.Increment(ref failures) <= 2)
            {
                throw new HttpRequestException("connection reset");
            }

            return request.Path.Contains("/Run/", StringComparison.Ordinal) ? ScriptedHandler.Json(RunOk) : ScriptedHandler.Task("task_start");
        });
        using var client = ScriptedHandler.Client(handler);

        var run = await Assert.ThrowsAsync<WiroApiException>(() => client.RunAsync("o", "m", new EmptyRequest()));
        var task = await client.GetTaskByTokenAsync("tok");

        Assert.IsType<HttpRequestException>(run.InnerException);
        Assert.Equal(WiroTaskStatus.TaskStart, task.Status);
        Assert.Single(handler.Sent, r => r.Path.Contains("/Run/", StringComparison.Ordinal));
        Assert.Equal(2, handler.Sent.Count(r => r.Path == "/v1/Task/Detail"));
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_stops_at_once()
    {
        var handler = new ScriptedHandler((_, _) =>
        {
            var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(1));
            return busy;
        });
        // Cancelled once the client waits out the minute the answer asked for (on its clock, within the call's
        // 120 s budget), not after a time that a slow first attempt could outlast.
        var clock = new WatchedClock();
        using var client = ScriptedHandler.Client(handler, options =>
        {
            options.MaxRetryDelay = TimeSpan.FromMinutes(10);
            options.Clock = clock;
        });
        using var cancellation = new CancellationTokenSource();

        var call = client.GetTaskByIdAsync("7", cancellation.Token);
        await clock.WaitForTimerAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
        Assert.Single(handler.Sent);
    }

    [Fact]
    public async Task Answer_that_stalls_after_its_headers_times_out_and_is_retried_only_when_safe()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
        var options = new WiroClientOptions { ApiKey = TestEnvironment.Key, BaseAddress = new Uri("https://api.example.test/v1/"), RetryBaseDelay = TimeSpan.Zero, MaxRetries = 2 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        using var client = new WiroClient(http, options);

        var run = await Assert.ThrowsAsync<TaskCanceledException>(() => client.RunAsync("o", "m", new EmptyRequest()));
        var detail = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetTaskByIdAsync("7"));

        Assert.IsType<TimeoutException>(run.InnerException);
        Assert.IsType<TimeoutException>(detail.InnerException);
        Assert.Single(handler.Sent, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Equal(3, handler.Sent.Count(r => r.Path == "/v1/Task/Detail"));
    }

    [Theory]
    [InlineData("JoeLink", "Robot v4.0", "/v1/Run/JoeLink/Robot%20v4.0")]
    [InlineData("google", "veo3-1", "/v1/Run/google/veo3-1")]
    [InlineData("a b", "c+d:e", "/v1/Run/a%20b/c%2Bd%3Ae")]
    public async Task Run_path_segments_are_escaped(string owner, string model, string path)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(RunOk));
        using var client = ScriptedHandler.Client(handler);

        var run = await client.RunAsync(owner, model, new EmptyRequest { CallbackUrl = "https://hook.test/x", ProjectId = "p1" });

        Assert.Equal(new WiroRunResult("2221", "tok"), run);
        var sent = handler.Sent.Single();
        Assert.Equal(path, sent.Uri.AbsolutePath);
        Assert.Equal("""{"callbackUrl":"https://hook.test/x","projectid":"p1"}""", sent.Body);
    }

    [Fact]
    public async Task Unset_run_options_are_not_sent()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(RunOk));
        using var client = ScriptedHandler.Client(handler);

        await client.RunAsync("o", "m", new EmptyRequest());

        Assert.Equal("{}", handler.Sent.Single().Body);
    }

    [Fact]
    public async Task Key_only_mode_sends_the_key_and_nothing_else()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(RunOk));
        using var client = ScriptedHandler.Client(handler, options => options.ApiSecret = null);

        await client.RunAsync("o", "m", new EmptyRequest());

        var headers = handler.Sent.Single().Headers;
        Assert.Equal(TestEnvironment.Key, headers["x-api-key"]);
        Assert.False(headers.ContainsKey("x-nonce"));
        Assert.False(headers.ContainsKey("x-signature"));
    }

    [Fact]
    public async Task Downloads_are_retried_streamed_and_never_signed()
    {
        var png = Encoding.ASCII.GetBytes("\x89PNG fake image bytes");
        var handler = new ScriptedHandler((request, i) => request.Path.EndsWith("/0.png", StringComparison.Ordinal)
            ? i == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(png) }
            : ScriptedHandler.Json("""{"result":true,"tasklist":[{"id":"7","status":"task_postprocess_end","pexit":"0","outputs":[{"name":"0.png","contenttype":"image/png","url":"https://cdn.example.test/x/0.png"}]}]}"""));
        using var client = ScriptedHandler.Client(handler);
        var output = (await client.GetTaskByIdAsync("7")).Outputs.Single();

        using var destination = new MemoryStream();
        await output.DownloadToStreamAsync(destination);

        Assert.Equal(png, destination.ToArray());
        var downloads = handler.Sent.Where(r => r.Uri.Host == "cdn.example.test").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.All(downloads, r => Assert.False(r.Headers.ContainsKey("x-api-key") || r.Headers.ContainsKey("x-signature")));
    }

    [Fact]
    public async Task Failed_download_leaves_no_file_behind()
    {
        var handler = new ScriptedHandler((request, _) => request.Uri.Host == "cdn.example.test"
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : ScriptedHandler.Json("""{"result":true,"tasklist":[{"id":"7","outputs":[{"name":"0.png","url":"https://cdn.example.test/0.png"}]}]}"""));
        using var client = ScriptedHandler.Client(handler);
        var output = (await client.GetTaskByIdAsync("7")).Outputs.Single();
        var path = Path.Combine(Path.GetTempPath(), "wiro-core-" + Guid.NewGuid().ToString("N") + ".png");

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => output.DownloadToFileAsync(path));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatus);
        Assert.False(File.Exists(path));
    }

    /// <summary>A body that never sends a byte, as a server stalled after its headers.</summary>
    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A tool with no inputs: only callbackUrl and projectid can be sent.</summary>
    internal sealed record EmptyRequest : WiroRequest
    {
        protected internal override void WriteParameters(WiroParameterWriter writer)
        {
        }
    }
}
