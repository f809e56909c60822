#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// The signed Wiro client: runs tools, reads, cancels and kills tasks, uploads files and waits for outcomes. Each
/// generated tool adds a property (<c>client.LtxVideoText2Video</c>). Thread-safe; dispose it when done.
/// </summary>
/// <remarks>
/// This file is the public API only. Calls go through <see cref="ApiPipeline"/> (signing, origin check, retries,
/// tracing, logging), run bodies are written by <see cref="RunBody"/>, waits and watches are
/// <see cref="TaskFollower"/>'s, outputs download through <see cref="OutputDownloader"/>, and the API's addresses
/// are <see cref="WiroEndpoints"/>.
/// </remarks>
public sealed partial class WiroClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly WiroEndpoints _endpoints;
    private readonly ApiPipeline _pipeline;
    private readonly TaskFollower _follower;

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
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _http = httpClient;
        _ownsHttp = ownsHttp;
        WebSocketAddress = options.EffectiveWebSocketAddress;
        _endpoints = new WiroEndpoints(options.BaseAddress);
        // Who signs is settled here, once: the client, or the WiroSigningHandler at the bottom of the given chain.
        var signing = signedByHandler ? SigningPolicy.InHandler : new SigningPolicy(options);
        _pipeline = new ApiPipeline(httpClient, options, signing, _endpoints.Base);
        _follower = new TaskFollower(this);
    }

    // Validates first so that bad options never leave an HttpClient behind.
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

    /// <summary>
    /// Starts a task of any tool. Not retried automatically: a run is not idempotent. The run is posted to
    /// <c>{BaseAddress}Run/{owner}/{model}</c> and nowhere else: each part is escaped as one path segment (slugs hold
    /// spaces and dots, <c>Robot v4.0</c>), and a part a URI would not keep as one segment is refused before anything
    /// is sent.
    /// </summary>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="request">The tool's inputs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new task's id and token.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="owner"/> or <paramref name="model"/> (named by <see cref="ArgumentException.ParamName"/>) is empty,
    /// <c>.</c> or <c>..</c>, or holds <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c>, <c>%</c> or a control character.
    /// </exception>
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

        using var document = await _pipeline.PostAsync(
            _endpoints.Run(owner, model), "Run " + owner + "/" + model, request, RunBody.Create, retry: false, cancellationToken, tool: owner + "/" + model).ConfigureAwait(false);
        return WiroRunResult.Read(document.RootElement);
    }

    /// <summary>Starts a task and waits until it ends.</summary>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="request">The tool's inputs.</param>
    /// <param name="progress">
    /// Receives the task's updates; may be null. Only changes are reported, at a bounded rate: each status the client
    /// knows, the first time it arrives, at once; a new percentage or log line at most once per
    /// <see cref="WiroClientOptions.ProgressReportInterval"/> (the latest one standing for those in between, reported
    /// before the next status at the latest; log lines in between are not all reported, the whole log is the task's
    /// <see cref="WiroTask.DebugOutput"/>). The last report carries the final status.
    /// </param>
    /// <param name="cancellationToken">Stops waiting (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/>).</param>
    /// <returns>How the task ended.</returns>
    public async Task<WiroTaskResult> RunAndWaitAsync(
        string owner, string model, WiroRequest request,
        IProgress<WiroTaskUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        // One activity over the run and the wait; its calls nest under it. Nothing is built when nobody listens.
        using var activity = WiroTelemetry.StartRunAndWait(owner + "/" + model);
        try
        {
            var run = await RunAsync(owner, model, request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("wiro.task.id", run.TaskId);
            var result = await _follower.WaitAsync(run, progress, owner + "/" + model, cancellationToken).ConfigureAwait(false);
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
    /// <returns>The task, whose <see cref="WiroTask.Id"/> is <paramref name="taskId"/>.</returns>
    /// <exception cref="WiroMalformedResponseException">Wiro answered with another task than the one whose id is <paramref name="taskId"/>.</exception>
    public Task<WiroTask> GetTaskByIdAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_endpoints.TaskDetail, "Task/Detail", "taskid", "id", taskId, cancellationToken);

    /// <summary>Reads a task that <see cref="RunAsync"/> started.</summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task, whose <see cref="WiroTask.SocketAccessToken"/> is the run's.</returns>
    /// <exception cref="WiroMalformedResponseException">Wiro answered with another task than the one whose token the run holds.</exception>
    public Task<WiroTask> GetTaskAsync(WiroRunResult run, CancellationToken cancellationToken = default)
        => GetTaskByTokenAsync((run ?? throw new ArgumentNullException(nameof(run))).SocketAccessToken, cancellationToken);

    /// <summary>Reads a task by its socket access token.</summary>
    /// <param name="socketAccessToken">The task's token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task, whose <see cref="WiroTask.SocketAccessToken"/> is <paramref name="socketAccessToken"/>.</returns>
    /// <exception cref="WiroMalformedResponseException">Wiro answered with another task than the one whose token is <paramref name="socketAccessToken"/>.</exception>
    public Task<WiroTask> GetTaskByTokenAsync(string socketAccessToken, CancellationToken cancellationToken = default)
        => TaskCallAsync(_endpoints.TaskDetail, "Task/Detail", "tasktoken", "socketaccesstoken", socketAccessToken, cancellationToken);

    /// <summary>Cancels a task still in the queue (Wiro refuses with code 1 once it runs: kill it instead).</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered, whose <see cref="WiroTask.Id"/> is <paramref name="taskId"/>.</returns>
    /// <exception cref="WiroMalformedResponseException">Wiro answered with another task than the one whose id is <paramref name="taskId"/>.</exception>
    public Task<WiroTask> CancelTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_endpoints.TaskCancel, "Task/Cancel", "taskid", "id", taskId, cancellationToken);

    /// <summary>Kills a running task.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered, whose <see cref="WiroTask.Id"/> is <paramref name="taskId"/>.</returns>
    /// <exception cref="WiroMalformedResponseException">Wiro answered with another task than the one whose id is <paramref name="taskId"/>.</exception>
    public Task<WiroTask> KillTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync(_endpoints.TaskKill, "Task/Kill", "taskid", "id", taskId, cancellationToken);

    /// <summary>Uploads a file (100 MB at most) and returns the URL to pass to a run. Not retried automatically.</summary>
    /// <param name="file">Local content to upload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The uploaded file's URL, an http or https one.</returns>
    /// <exception cref="WiroApiException">Wiro's answer names no http or https URL.</exception>
    public async Task<Uri> UploadFileAsync(WiroFile file, CancellationToken cancellationToken = default)
    {
        if (file is null || !file.IsLocal)
        {
            throw new ArgumentException("Only local content can be uploaded.", nameof(file));
        }

        using var document = await _pipeline.PostAsync(_endpoints.FileUpload, "File/Upload", file, static file =>
        {
            var content = new MultipartFormDataContent();
            content.Add(file.CreateContent(), "file", file.FileName ?? "file");
            return content;
        }, retry: false, cancellationToken).ConfigureAwait(false);

        // Only an http(s) URL is a file a run can fetch: a file: path, a script or a rooted path (absolute on Unix) in
        // its place would be sent to a paid run as if it were the upload.
        if (LenientJson.TryGet(document.RootElement, "list", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > 0 && Uri.TryCreate(LenientJson.Text(list[0], "url"), UriKind.Absolute, out var url) && DownloadRedirects.IsHttp(url))
        {
            return url;
        }

        throw new WiroApiException(-1, "Wiro's upload answer holds no file URL (an http or https one).", null);
    }

    /// <summary>
    /// Waits until a task ends: the WebSocket when available (falling back to polling), else polling Task/Detail
    /// with growing intervals. Statuses no spec lists never end the wait.
    /// </summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="progress">
    /// Receives the task's updates; may be null. Only changes are reported, at a bounded rate: each status the client
    /// knows, the first time it arrives, at once; a new percentage or log line at most once per
    /// <see cref="WiroClientOptions.ProgressReportInterval"/> (the latest one standing for those in between, reported
    /// before the next status at the latest; log lines in between are not all reported, the whole log is the task's
    /// <see cref="WiroTask.DebugOutput"/>). The last report carries the final status.
    /// </param>
    /// <param name="cancellationToken">Stops waiting at once (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/>).</param>
    /// <returns>How the task ended.</returns>
    public async Task<WiroTaskResult> WaitForCompletionAsync(
        WiroRunResult run, IProgress<WiroTaskUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        return await _follower.WaitAsync(run, progress, tool: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a task read earlier (by <see cref="GetTaskByIdAsync"/> or <see cref="GetTaskByTokenAsync"/>) ends.</summary>
    /// <param name="task">The task.</param>
    /// <param name="progress">
    /// Receives the task's updates; may be null. Only changes are reported, at a bounded rate: each status the client
    /// knows, the first time it arrives, at once; a new percentage or log line at most once per
    /// <see cref="WiroClientOptions.ProgressReportInterval"/> (the latest one standing for those in between, reported
    /// before the next status at the latest; log lines in between are not all reported, the whole log is the task's
    /// <see cref="WiroTask.DebugOutput"/>). The last report carries the final status.
    /// </param>
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
    /// <returns>
    /// The updates, the last one carrying the final status. Only changes are streamed, at a bounded rate, as
    /// <c>progress</c> receives them in <see cref="WaitForCompletionAsync(WiroRunResult, IProgress{WiroTaskUpdate}, CancellationToken)"/>:
    /// each status the client knows at once, the first time it arrives; a new percentage or log line at most once per
    /// <see cref="WiroClientOptions.ProgressReportInterval"/>, the latest one standing for those in between.
    /// </returns>
    public async IAsyncEnumerable<WiroTaskUpdate> WatchAsync(WiroRunResult run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        // An iterator of its own, so a null run fails when enumerated, and the token given to WithCancellation joins this one.
        await foreach (var update in _follower.WatchAsync(run, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>The updates of a task read earlier, until it ends, as an asynchronous stream.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>
    /// The updates, the last one carrying the final status. Only changes are streamed, at a bounded rate, as
    /// <c>progress</c> receives them in <see cref="WaitForCompletionAsync(WiroRunResult, IProgress{WiroTaskUpdate}, CancellationToken)"/>:
    /// each status the client knows at once, the first time it arrives; a new percentage or log line at most once per
    /// <see cref="WiroClientOptions.ProgressReportInterval"/>, the latest one standing for those in between.
    /// </returns>
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
    internal Task DownloadAsync(Uri url, long? expectedSize, Stream destination, CancellationToken cancellationToken, long? maxBytes = null)
        => new OutputDownloader(_http, Options, url, expectedSize, maxBytes).DownloadAsync(destination, cancellationToken);

    /// <summary>
    /// Signs and sends a JSON POST to <paramref name="path"/> under the base address and reads its envelope, through
    /// the same path as Task/Detail: origin check, no redirects, the answer cap, the timeout and retries (so only for
    /// calls that only read). For code compiled with the core that needs a call the public API does not name (the
    /// wiro tool's Tool/List). The caller disposes the answer.
    /// </summary>
    internal Task<JsonAnswer> PostJsonAsync<TState>(string path, TState state, Action<Utf8JsonWriter, TState> writeBody, CancellationToken cancellationToken)
        => _pipeline.PostAsync(
            new Uri(_endpoints.Base, path), path, (state, writeBody),
            static body => PooledJsonContent.Create(body.state, body.writeBody), retry: true, cancellationToken);

    /// <summary>
    /// Waits for a task as <see cref="WaitForCompletionAsync(WiroRunResult, IProgress{WiroTaskUpdate}, CancellationToken)"/>
    /// does (the outcome confirmed by Task/Detail), handing the <c>message</c> of each <c>task_output</c> frame about the
    /// task, as sent, to <paramref name="outputMessage"/> while the WebSocket is followed (none when polling). For code
    /// compiled with the core that reads a tool's streamed output (the chat client's LLM frames).
    /// <paramref name="waitToken"/> stops waiting; the task is killed only when <paramref name="callerToken"/> was
    /// cancelled and <see cref="WiroClientOptions.KillTaskOnCancel"/> is set.
    /// </summary>
    internal Task<WiroTaskResult> WaitWithOutputAsync(
        WiroRunResult run, ITaskOutputReader outputMessage, string? tool, CancellationToken waitToken, CancellationToken callerToken)
        => _follower.WaitAsync(run, outputMessage, tool, waitToken, callerToken);

    private static WiroRunResult ToRun(WiroTask task)
        => task is null ? throw new ArgumentNullException(nameof(task)) : new WiroRunResult(task.Id, task.SocketAccessToken);

    /// <summary>
    /// One call about one task, sent as <c>{"<paramref name="key"/>": value}</c>; the task answered must carry the
    /// same value in <paramref name="field"/> (see <see cref="WiroTask.FromTaskList"/>).
    /// </summary>
    private async Task<WiroTask> TaskCallAsync(Uri uri, string operation, string key, string field, string value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A task id or token is required.", nameof(value));
        }

        using var document = await _pipeline.PostAsync(
            uri, operation, (key, value), static state => PooledJsonContent.Create(state, static (json, s) => json.WriteString(s.key, s.value)),
            retry: true, cancellationToken).ConfigureAwait(false);
        return WiroTask.FromTaskList(document.RootElement, this, field, value)
               ?? throw new WiroApiException(1, $"Wiro knows no task with {key} '{value}'.", null);
    }

    /// <summary>Where the client logs; set by the generated <c>AddWiro</c> from the host's logger factory, null otherwise.</summary>
    internal IWiroLog? Log
    {
        get => _pipeline.Log;
        set => _pipeline.Log = value;
    }

    /// <summary>Where waits listen for live updates; null when they poll. Checked and fixed at construction.</summary>
    internal Uri? WebSocketAddress { get; }
}
