#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
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
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly WiroSigner? _signer;
    private readonly Uri _baseAddress;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, disposed with the client.</summary>
    /// <param name="options">Credentials and behaviour.</param>
    public WiroClient(WiroClientOptions options)
        : this(new HttpClient(), options, ownsHttp: true)
    {
        _http.Timeout = options.Timeout;
    }

    /// <summary>
    /// Creates a client over a given <see cref="HttpClient"/> (for dependency injection and custom handlers);
    /// the client never disposes it.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send requests with.</param>
    /// <param name="options">Credentials and behaviour.</param>
    public WiroClient(HttpClient httpClient, WiroClientOptions options)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttp: false)
    {
    }

    private WiroClient(HttpClient httpClient, WiroClientOptions options, bool ownsHttp)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _http = httpClient;
        _ownsHttp = ownsHttp;
        _signer = string.IsNullOrEmpty(options.ApiSecret) ? null : new WiroSigner(options.ApiKey, options.ApiSecret!);
        var address = options.BaseAddress.AbsoluteUri;
        _baseAddress = new Uri(address.EndsWith("/", StringComparison.Ordinal) ? address : address + "/");
    }

    /// <summary>The options the client was created with.</summary>
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

        var path = "Run/" + Uri.EscapeDataString(owner) + "/" + Uri.EscapeDataString(model);
        using var document = await SendAsync(path, () => RunBody(request), retry: false, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var taskId = WiroTask.Text(root, "taskid");
        var token = WiroTask.Text(root, "socketaccesstoken");
        if (string.IsNullOrEmpty(taskId) || token is null)
        {
            throw new WiroApiException(-1, "Wiro's Run answer holds no taskid.", null);
        }

        return new WiroRunResult(taskId!, token);
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
        var run = await RunAsync(owner, model, request, cancellationToken).ConfigureAwait(false);
        return await WaitForCompletionAsync(run, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a task by its id.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    public Task<WiroTask> GetTaskByIdAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync("Task/Detail", "taskid", taskId, cancellationToken);

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
        => TaskCallAsync("Task/Detail", "tasktoken", socketAccessToken, cancellationToken);

    /// <summary>Cancels a task still in the queue (Wiro refuses with code 1 once it runs: kill it instead).</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered.</returns>
    public Task<WiroTask> CancelTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync("Task/Cancel", "taskid", taskId, cancellationToken);

    /// <summary>Kills a running task.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as Wiro answered.</returns>
    public Task<WiroTask> KillTaskAsync(string taskId, CancellationToken cancellationToken = default)
        => TaskCallAsync("Task/Kill", "taskid", taskId, cancellationToken);

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

        using var document = await SendAsync("File/Upload", () =>
        {
            var content = new MultipartFormDataContent();
            var part = new StreamContent(file.OpenRead());
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
            content.Add(part, "file", file.FileName ?? "file");
            return content;
        }, retry: false, cancellationToken).ConfigureAwait(false);

        if (document.RootElement.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > 0 && Uri.TryCreate(WiroTask.Text(list[0], "url"), UriKind.Absolute, out var url))
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
        var waiter = new TaskWaiter(this, run, update => progress?.Report(update));
        var task = await waiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WiroTaskResult(task);
    }

    /// <summary>The updates of a task until it ends, as an asynchronous stream.</summary>
    /// <param name="run">The task, as <see cref="RunAsync"/> returned it.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, the last one carrying the final status.</returns>
    public async IAsyncEnumerable<WiroTaskUpdate> WatchAsync(WiroRunResult run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<WiroTaskUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var waiting = Task.Run(async () =>
        {
            try
            {
                await new TaskWaiter(this, run, update => channel.Writer.TryWrite(update)).WaitAsync(cancellationToken).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                channel.Writer.TryComplete(exception);
            }
        }, CancellationToken.None);

        await foreach (var update in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return update;
        }

        await waiting.ConfigureAwait(false);
    }

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

    internal async Task DownloadAsync(Uri url, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await WiroRetry.SendAsync(
            Options, () => _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, cancellationToken),
            retry: true, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new WiroApiException(-1, $"Downloading {url} failed.", response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WiroTask> TaskCallAsync(string path, string key, string value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A task id or token is required.", nameof(value));
        }

        using var document = await SendAsync(path, () => JsonBody(writer => writer.WriteString(key, value)), retry: true, cancellationToken).ConfigureAwait(false);
        if (document.RootElement.TryGetProperty("tasklist", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            return WiroTask.Read(list[0], this);
        }

        throw new WiroApiException(1, $"Wiro knows no task with {key} '{value}'.", null);
    }

    private async Task<JsonDocument> SendAsync(string path, Func<HttpContent> content, bool retry, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, path);
        using var response = await WiroRetry.SendAsync(Options, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            Sign(message);
            return _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }, retry, cancellationToken).ConfigureAwait(false);

        return await WiroResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private void Sign(HttpRequestMessage message)
    {
        message.Headers.TryAddWithoutValidation("x-api-key", Options.ApiKey);
        if (_signer is not null)
        {
            var nonce = WiroSigner.NextNonce().ToString(System.Globalization.CultureInfo.InvariantCulture);
            message.Headers.TryAddWithoutValidation("x-nonce", nonce);
            message.Headers.TryAddWithoutValidation("x-signature", _signer.Sign(nonce));
        }
    }

    private static HttpContent RunBody(WiroRequest request)
    {
        if (request.HasLocalFiles)
        {
            var multipart = new MultipartFormDataContent();
            var writer = new MultipartParameterWriter(multipart);
            request.WriteParameters(writer);
            writer.WriteString("callbackUrl", request.CallbackUrl);
            writer.WriteString("projectid", request.ProjectId);
            return multipart;
        }

        return JsonBody(json =>
        {
            var writer = new JsonParameterWriter(json);
            request.WriteParameters(writer);
            writer.WriteString("callbackUrl", request.CallbackUrl);
            writer.WriteString("projectid", request.ProjectId);
        });
    }

    private static HttpContent JsonBody(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = JsonContentType;
        return content;
    }
}
