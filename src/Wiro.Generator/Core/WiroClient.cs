#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

/// <summary>
/// The signed Wiro client: runs tools, reads, cancels and kills tasks, uploads files and waits for outcomes. Each
/// generated tool adds a property (<c>client.LtxVideoText2Video</c>). Thread-safe; dispose it when done.
/// </summary>
public sealed partial class WiroClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly WiroCredentials _credentials;
    private readonly bool _signedByHandler;
    private readonly Uri _baseAddress;
    // Resolved once, not per call: each new Uri(base, path) allocated about 0.5 KB on every Task/Detail.
    private readonly Uri _taskDetailUri;
    private readonly Uri _taskCancelUri;
    private readonly Uri _taskKillUri;
    private readonly Uri _fileUploadUri;
    private volatile RunEndpoint? _lastRunEndpoint;

    /// <summary>Tasks whose end went on the meter, so that several waits on one task count it once.</summary>
    private readonly RecentTaskIds _recordedEnds = new(capacity: 4096);

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, disposed with the client.</summary>
    /// <param name="options">Credentials and behaviour.</param>
    public WiroClient(WiroClientOptions options)
        : this(CreateHttpClient(options), options, ownsHttp: true, signedByHandler: false)
    {
    }

    /// <summary>
    /// Creates a client over a given <see cref="HttpClient"/> (for dependency injection and custom handlers);
    /// the client never disposes it. Its handler must not follow redirects (<c>AllowAutoRedirect = false</c>): one
    /// that does sends the signed headers (and, on 307/308, the body) wherever a redirect points before the client
    /// can see it. The client then refuses the answer with <see cref="WiroRedirectException"/>, but cannot call the
    /// request back.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send requests with.</param>
    /// <param name="options">Credentials and behaviour.</param>
    public WiroClient(HttpClient httpClient, WiroClientOptions options)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttp: false, signedByHandler: false)
    {
    }

    /// <summary>
    /// Creates a client over a given <see cref="HttpClient"/> whose innermost handler may do the signing. With
    /// <paramref name="signedByHandler"/>, the client leaves signing to a <see cref="WiroSigningHandler"/> at the
    /// bottom of the handler chain, which signs each attempt afresh and never sends a Run twice, so retry handlers
    /// above it are safe; without one there, calls go unsigned and Wiro refuses them. The client never disposes
    /// <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send requests with.</param>
    /// <param name="options">Credentials and behaviour.</param>
    /// <param name="signedByHandler">True when the client's handler chain ends in a <see cref="WiroSigningHandler"/>.</param>
    public WiroClient(HttpClient httpClient, WiroClientOptions options, bool signedByHandler)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttp: false, signedByHandler)
    {
    }

    private WiroClient(HttpClient httpClient, WiroClientOptions options, bool ownsHttp, bool signedByHandler)
    {
        _signedByHandler = signedByHandler;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _http = httpClient;
        _ownsHttp = ownsHttp;
        WebSocketAddress = options.EffectiveWebSocketAddress;
        _credentials = new WiroCredentials(options);
        var address = options.BaseAddress.AbsoluteUri;
        _baseAddress = new Uri(address.EndsWith("/", StringComparison.Ordinal) ? address : address + "/");
        _taskDetailUri = new Uri(_baseAddress, "Task/Detail");
        _taskCancelUri = new Uri(_baseAddress, "Task/Cancel");
        _taskKillUri = new Uri(_baseAddress, "Task/Kill");
        _fileUploadUri = new Uri(_baseAddress, "File/Upload");
    }

    // Validates first so that bad options never leave an HttpClient behind. Redirects are not followed by the
    // handler: signed calls refuse them (ApiOrigin), downloads follow them hop by hop (OutputDownloader).
    private static HttpClient CreateHttpClient(WiroClientOptions options)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        return WiroHttp.CreateClient(options.Timeout);
    }

    /// <summary>
    /// The options the client was created with. The key, secret and addresses are fixed at construction; timings
    /// and retry settings are read at each call.
    /// </summary>
    public WiroClientOptions Options { get; }

    /// <summary>Starts a task of any tool. Not retried automatically: a run is not idempotent.</summary>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="request">The tool's inputs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new task's id and token.</returns>
    public async Task<WiroRunResult> RunAsync(string owner, string model, WiroRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (string.IsNullOrEmpty(owner) || string.IsNullOrEmpty(model))
        {
            throw new ArgumentException("Both the owner and the model of the tool are required.", string.IsNullOrEmpty(owner) ? nameof(owner) : nameof(model));
        }

        using var document = await PostAsync(RunUri(owner, model), "Run " + owner + "/" + model, request, RunBody, retry: false, cancellationToken, tool: owner + "/" + model).ConfigureAwait(false);
        return WiroRunResult.Read(document.RootElement);
    }

    /// <summary>Starts a task and waits until it ends.</summary>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="request">The tool's inputs.</param>
    /// <param name="progress">Receives status changes, progress and log lines; may be null.</param>
    /// <param name="cancellationToken">Stops waiting (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/>).</param>
    /// <returns>How the task ended.</returns>
    public async Task<WiroTaskResult> RunAndWaitAsync(
        string owner, string model, WiroRequest request,
        IProgress<WiroTaskUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        // One activity over the run and the wait; its calls nest under it. Nothing is built when nobody listens.
        using var activity = WiroTelemetry.Source.HasListeners()
            ? WiroTelemetry.Source.StartActivity("RunAndWait " + owner + "/" + model, ActivityKind.Internal)
            : null;
        WiroTelemetry.TagTool(activity, owner + "/" + model);
        try
        {
            var run = await RunAsync(owner, model, request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("wiro.task.id", run.TaskId);
            var result = await WaitAsync(run, progress, owner + "/" + model, cancellationToken).ConfigureAwait(false);
            WiroTelemetry.TagOutcome(activity, result);
            return result;
        }
        catch (Exception exception)
        {
            WiroTelemetry.RecordFailure(activity, exception);
            throw;
        }
    }

    /// <summary>Reads a task by its id.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    public Task<WiroTask> GetTaskByIdAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_taskDetailUri, "Task/Detail", "taskid", taskId, cancellationToken);

    /// <summary>Reads a task that <see cref="RunAsync"/> started.</summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    public Task<WiroTask> GetTaskAsync(WiroRunResult run, CancellationToken cancellationToken = default)
        => GetTaskByTokenAsync((run ?? throw new ArgumentNullException(nameof(run))).SocketAccessToken, cancellationToken);

    /// <summary>Reads a task by its socket access token.</summary>
    /// <param name="socketAccessToken">The task's token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    public Task<WiroTask> GetTaskByTokenAsync(string socketAccessToken, CancellationToken cancellationToken = default)
        => TaskCallAsync(_taskDetailUri, "Task/Detail", "tasktoken", socketAccessToken, cancellationToken);

    /// <summary>Cancels a task still in the queue (Wiro refuses with code 1 once it runs: kill it instead).</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered.</returns>
    public Task<WiroTask> CancelTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_taskCancelUri, "Task/Cancel", "taskid", taskId, cancellationToken);

    /// <summary>Kills a running task.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered.</returns>
    public Task<WiroTask> KillTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_taskKillUri, "Task/Kill", "taskid", taskId, cancellationToken);

    /// <summary>Uploads a file (100 MB at most) and returns the URL to pass to a run. Not retried automatically.</summary>
    /// <param name="file">Local content to upload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The uploaded file's URL.</returns>
    public async Task<Uri> UploadFileAsync(WiroFile file, CancellationToken cancellationToken = default)
    {
        if (file is null || !file.IsLocal)
        {
            throw new ArgumentException("Only local content can be uploaded.", nameof(file));
        }

        using var document = await PostAsync(_fileUploadUri, "File/Upload", file, static file =>
        {
            var content = new MultipartFormDataContent();
            content.Add(file.CreateContent(), "file", file.FileName ?? "file");
            return content;
        }, retry: false, cancellationToken).ConfigureAwait(false);

        if (LenientJson.TryGet(document.RootElement, "list", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > 0 && Uri.TryCreate(LenientJson.Text(list[0], "url"), UriKind.Absolute, out var url))
        {
            return url;
        }

        throw new WiroApiException(-1, "Wiro's upload answer holds no file URL.", null);
    }

    /// <summary>
    /// Waits until a task ends: the WebSocket when available (falling back to polling), else polling Task/Detail
    /// with growing intervals. Statuses no spec lists never end the wait.
    /// </summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="progress">Receives status changes, progress and log lines; may be null.</param>
    /// <param name="cancellationToken">Stops waiting at once (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/>).</param>
    /// <returns>How the task ended.</returns>
    public async Task<WiroTaskResult> WaitForCompletionAsync(
        WiroRunResult run, IProgress<WiroTaskUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        return await WaitAsync(run, progress, tool: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a task read earlier (by <see cref="GetTaskByIdAsync"/> or <see cref="GetTaskByTokenAsync"/>) ends.</summary>
    /// <param name="task">The task.</param>
    /// <param name="progress">Receives status changes, progress and log lines; may be null.</param>
    /// <param name="cancellationToken">Stops waiting at once (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/>).</param>
    /// <returns>How the task ended.</returns>
    public Task<WiroTaskResult> WaitForCompletionAsync(
        WiroTask task, IProgress<WiroTaskUpdate>? progress = null, CancellationToken cancellationToken = default)
        => WaitForCompletionAsync(ToRun(task), progress, cancellationToken);

    /// <summary>
    /// The updates of a task until it ends, as an asynchronous stream. Leaving the loop early stops following the
    /// task (without killing it); cancelling <paramref name="cancellationToken"/> stops it too, and kills the task
    /// when <see cref="WiroClientOptions.KillTaskOnCancel"/> is set.
    /// </summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, the last one carrying the final status.</returns>
    public async IAsyncEnumerable<WiroTaskUpdate> WatchAsync(WiroRunResult run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        var channel = Channel.CreateUnbounded<WiroTaskUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = FollowIntoAsync(run, channel.Writer, stop.Token, cancellationToken);
        try
        {
            await foreach (var update in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            // Reached early when the caller leaves the loop: stop polling and let the follower finish before returning.
            stop.Cancel();
            await following.ConfigureAwait(false);
        }
    }

    /// <summary>The updates of a task read earlier, until it ends, as an asynchronous stream.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, the last one carrying the final status.</returns>
    public IAsyncEnumerable<WiroTaskUpdate> WatchAsync(WiroTask task, CancellationToken cancellationToken = default)
        => WatchAsync(ToRun(task), cancellationToken);

    /// <summary>Disposes the <see cref="HttpClient"/> the client created (never one it was given).</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Describes the client without its secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "WiroClient " + Options;

    /// <summary>Streams an output to <paramref name="destination"/>; output URLs are public, so nothing is signed.</summary>
    internal Task DownloadAsync(Uri url, long? expectedSize, Stream destination, CancellationToken cancellationToken)
        => new OutputDownloader(_http, Options, url, expectedSize).DownloadAsync(destination, cancellationToken);

    /// <summary>
    /// Signs and sends a JSON POST to <paramref name="path"/> under the base address and reads its envelope, through
    /// the same path as Task/Detail: origin check, no redirects, the answer cap, the timeout and retries (so only for
    /// calls that only read). For code compiled with the core that needs a call the public API does not name (the
    /// wiro tool's Tool/List). The caller disposes the answer.
    /// </summary>
    internal Task<JsonAnswer> PostJsonAsync<TState>(string path, TState state, Action<Utf8JsonWriter, TState> writeBody, CancellationToken cancellationToken)
        => PostAsync(
            new Uri(_baseAddress, path), path, (state, writeBody),
            static body => PooledJsonContent.Create(body.state, body.writeBody), retry: true, cancellationToken);

    private static WiroRunResult ToRun(WiroTask task)
        => task is null ? throw new ArgumentNullException(nameof(task)) : new WiroRunResult(task.Id, task.SocketAccessToken);

    /// <summary>Waits for <paramref name="run"/> and records its end (by <paramref name="tool"/>, else the tool the task names).</summary>
    private async Task<WiroTaskResult> WaitAsync(WiroRunResult run, IProgress<WiroTaskUpdate>? progress, string? tool, CancellationToken cancellationToken)
    {
        var task = await FollowAsync(run, progress is null ? null : progress.Report, cancellationToken, cancellationToken).ConfigureAwait(false);
        return RecordEnd(task, tool);
    }

    /// <summary>Puts a task's end on the meter the first time this client sees it, whichever wait or watch saw it.</summary>
    private WiroTaskResult RecordEnd(WiroTask task, string? tool)
    {
        var result = new WiroTaskResult(task);
        if (WiroTelemetry.RecordsEnds && _recordedEnds.TryAdd(task.Id))
        {
            WiroTelemetry.RecordEnd(tool ?? task.Tool ?? "unknown", result);
        }

        return result;
    }

    /// <summary>
    /// Follows a task to its end. <paramref name="waitToken"/> stops following; the task is killed only when the
    /// caller's own <paramref name="callerToken"/> was cancelled and <see cref="WiroClientOptions.KillTaskOnCancel"/> is set.
    /// </summary>
    private async Task<WiroTask> FollowAsync(WiroRunResult run, Action<WiroTaskUpdate>? report, CancellationToken waitToken, CancellationToken callerToken)
    {
        try
        {
            return await new TaskWaiter(this, run, report).WaitAsync(waitToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested && Options.KillTaskOnCancel)
        {
            await KillQuietlyAsync(run.TaskId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Feeds <see cref="WatchAsync(WiroRunResult, CancellationToken)"/>; never throws, the channel carries the outcome.</summary>
    private async Task FollowIntoAsync(WiroRunResult run, ChannelWriter<WiroTaskUpdate> writer, CancellationToken waitToken, CancellationToken callerToken)
    {
        try
        {
            await Task.Yield();
            var task = await FollowAsync(run, update => writer.TryWrite(update), waitToken, callerToken).ConfigureAwait(false);
            RecordEnd(task, tool: null);
            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }

    private async Task KillQuietlyAsync(string taskId)
    {
        try
        {
            // Bounded: the caller asked to stop and should not wait long for a courtesy call.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await KillTaskAsync(taskId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WiroApiException or OperationCanceledException or HttpRequestException)
        {
            // Best effort: the task may already have ended, and the caller's cancellation is what they see.
        }
    }

    private async Task<WiroTask> TaskCallAsync(Uri uri, string operation, string key, string value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A task id or token is required.", nameof(value));
        }

        using var document = await PostAsync(
            uri, operation, (key, value), static state => PooledJsonContent.Create(state, static (json, s) => json.WriteString(s.key, s.value)),
            retry: true, cancellationToken).ConfigureAwait(false);
        return WiroTask.FromTaskList(document.RootElement, this)
               ?? throw new WiroApiException(1, $"Wiro knows no task with {key} '{value}'.", null);
    }

    /// <summary>
    /// Signs and sends one POST and reads its envelope. With <paramref name="retry"/>, retries on 408/429/5xx and
    /// transport errors (a fresh body, nonce and signature per attempt); without it, sends exactly once, and marks
    /// the message so that <see cref="WiroSigningHandler"/> refuses to let any other handler send it again.
    /// </summary>
    private async Task<JsonAnswer> PostAsync<TState>(
        Uri uri, string operation, TState state, Func<TState, HttpContent> createContent, bool retry, CancellationToken cancellationToken, string? tool = null)
    {
        using var activity = WiroTelemetry.Source.HasListeners() ? WiroTelemetry.Source.StartActivity(operation, ActivityKind.Client) : null;
        activity?.SetTag("wiro.operation", operation);
        if (tool is not null)
        {
            WiroTelemetry.TagTool(activity, tool);
        }

        try
        {
            var answer = await SendWithRetriesAsync(uri, operation, state, createContent, retry, activity, cancellationToken).ConfigureAwait(false);
            // A Run names the task it started: with the id on its activity, a trace of RunAsync alone (a service that
            // answers 202 and watches later) still leads to the task.
            if (tool is not null)
            {
                activity?.SetTag("wiro.task.id", LenientJson.Text(answer.RootElement, "taskid"));
            }

            return answer;
        }
        catch (Exception exception)
        {
            WiroTelemetry.RecordFailure(activity, exception);
            if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log?.CallFailed(operation, exception.GetType().Name, (int?)(exception as WiroApiException)?.HttpStatus);
            }

            throw;
        }
    }

    private async Task<JsonAnswer> SendWithRetriesAsync<TState>(
        Uri uri, string operation, TState state, Func<TState, HttpContent> createContent, bool retry, Activity? activity, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = retry && attempt < Options.MaxRetries;
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = createContent(state) };
            var call = new WiroCall(operation, sendOnce: !retry);
            request.Options.Set(WiroCall.Key, call);
            if (!_signedByHandler)
            {
                _credentials.Apply(request);
            }

            HttpResponseMessage? response = null;
            try
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // A handler below (a user's retry handler over WiroSigningHandler) may have sent it more than once.
                    sent += Math.Max(1, call.Attempts);
                    activity?.SetTag("wiro.attempts", sent);
                }

                ApiOrigin.Check(response, _baseAddress);
                if (canRetry && WiroRetry.IsRetryable(response.StatusCode))
                {
                    WiroTelemetry.RecordRetry(operation);
                    Log?.Retrying(operation, attempt + 1, "HTTP " + (int)response.StatusCode);
                    await WiroRetry.DelayAsync(Options, attempt, response, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var answer = await WiroResponse.ReadAsync(response, Options.MaxResponseBytes, _http.Timeout, cancellationToken).ConfigureAwait(false);
                Log?.CallSucceeded(operation, sent);
                return answer;
            }
            catch (Exception exception) when (canRetry && exception is not WiroApiException && WiroRetry.IsTransient(exception, cancellationToken))
            {
                WiroTelemetry.RecordRetry(operation);
                Log?.Retrying(operation, attempt + 1, exception.GetType().Name);
                await WiroRetry.DelayAsync(Options, attempt, null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new WiroApiException(-1, "The call to Wiro failed: " + exception.Message, (exception as HttpRequestException)?.StatusCode, exception);
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    /// <summary>Where the client logs; set by the generated <c>AddWiro</c> from the host's logger factory, null otherwise.</summary>
    internal IWiroLog? Log { get; set; }

    /// <summary>Where waits listen for live updates; null when they poll. Checked and fixed at construction.</summary>
    internal Uri? WebSocketAddress { get; }

    /// <summary>
    /// The Run endpoint of a tool. Generated clients pass the same constant strings every time, so the last one is
    /// kept: escaping and parsing the URI would otherwise be a good share of a run's own cost.
    /// </summary>
    private Uri RunUri(string owner, string model)
    {
        var last = _lastRunEndpoint;
        if (last is not null && string.Equals(last.Owner, owner, StringComparison.Ordinal) && string.Equals(last.Model, model, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        // Slugs may hold a space or a dot ("Robot v4.0"): escape each segment so it stays one path segment.
        var uri = new Uri(_baseAddress, string.Concat("Run/", Uri.EscapeDataString(owner), "/", Uri.EscapeDataString(model)));
        _lastRunEndpoint = new RunEndpoint(owner, model, uri);
        return uri;
    }

    private static HttpContent RunBody(WiroRequest request)
    {
        if (request.HasLocalFiles)
        {
            var multipart = new MultipartFormDataContent();
            var writer = new MultipartParameterWriter(multipart);
            request.WriteParameters(writer);
            WriteRunOptions(writer, request);
            return multipart;
        }

        return PooledJsonContent.Create(request, static (json, request) =>
        {
            var writer = new JsonParameterWriter(json);
            request.WriteParameters(writer);
            WriteRunOptions(writer, request);
        });
    }

    /// <summary>
    /// <c>callbackUrl</c> and <c>projectid</c> are the run's own options, not tool inputs: sent only when set (an
    /// unset tool input, by contrast, is sent empty, as Wiro's form does).
    /// </summary>
    private static void WriteRunOptions(WiroParameterWriter writer, WiroRequest request)
    {
        if (request.CallbackUrl is not null)
        {
            writer.WriteString(WiroRunOptionKeys.CallbackUrl, request.CallbackUrl);
        }

        if (request.ProjectId is not null)
        {
            writer.WriteString(WiroRunOptionKeys.ProjectId, request.ProjectId);
        }
    }

    /// <summary>A tool's Run endpoint, kept whole so that concurrent runs never see half of an update.</summary>
    private sealed class RunEndpoint(string owner, string model, Uri uri)
    {
        public string Owner { get; } = owner;

        public string Model { get; } = model;

        public Uri Uri { get; } = uri;
    }
}
