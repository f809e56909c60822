using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wiro.Emulator;

/// <summary>
/// A Wiro-compatible server on 127.0.0.1 with a free port, for tests and offline use (as Azurite is for Azure
/// Storage): signed auth, Run, Task/Detail, Cancel, Kill, File/Upload, the WebSocket, outputs over HTTP, and
/// scriptable outcomes and faults.
/// </summary>
public sealed class WiroEmulator : IAsyncDisposable
{
    internal static readonly byte[] OutputPng = TinyPng.Create(8, 8, 0x2E, 0x86, 0xC1);

    private readonly WebApplication _app;
    private readonly WiroEmulatorOptions _options;
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new();
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> _uploads = new();
    private readonly ConcurrentQueue<WiroTaskOutcome> _outcomes = new();
    private readonly List<WiroFault> _faults = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly SpecCatalog _specs;
    private readonly HttpClient _callbacks = new();
    private long _nextTaskId = 1000;

    private WiroEmulator(WebApplication app, WiroEmulatorOptions options, SpecCatalog specs)
    {
        _app = app;
        _options = options;
        _specs = specs;
    }

    /// <summary>The API address to give a client, e.g. <c>http://127.0.0.1:5123/v1/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The WebSocket address to give a client, e.g. <c>ws://127.0.0.1:5123/socket/v1</c>.</summary>
    public Uri WebSocketAddress { get; private set; } = null!;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts an emulator on a free port of 127.0.0.1.</summary>
    /// <param name="options">Credentials, auth mode, specs and clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<WiroEmulator> StartAsync(WiroEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WiroEmulatorOptions();
        var specs = SpecCatalog.Load(options.SpecFiles);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new WiroEmulator(app, options, specs);
        emulator.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        emulator.BaseAddress = new Uri(address, "/v1/");
        emulator.WebSocketAddress = new UriBuilder(address) { Scheme = "ws", Path = "/socket/v1" }.Uri;
        return emulator;
    }

    /// <summary>Sets how the next run ends (outcomes are used in the order enqueued; then runs succeed).</summary>
    /// <param name="outcome">The outcome.</param>
    public void EnqueueOutcome(WiroTaskOutcome outcome) => _outcomes.Enqueue(outcome);

    /// <summary>Plays <paramref name="fault"/> once on the next matching request.</summary>
    /// <param name="fault">The fault.</param>
    public void EnqueueFault(WiroFault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _callbacks.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/v1", out var endpoint))
            {
                // Every attempt is recorded, even one a fault then drops, so tests can count retries.
                context.Request.EnableBuffering();
                var (fields, files) = await ReadBodyAsync(context).ConfigureAwait(false);
                Record(context, fields, files);
                context.Request.Body.Position = 0;
                if (await PlayFaultAsync(context, endpoint.Value ?? "").ConfigureAwait(false) || !await AuthorizeAsync(context).ConfigureAwait(false))
                {
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });
        app.MapPost("/v1/Run/{owner}/{model}", RunAsync);
        app.MapPost("/v1/Task/Detail", DetailAsync);
        app.MapPost("/v1/Task/Cancel", context => ChangeAsync(context, kill: false));
        app.MapPost("/v1/Task/Kill", context => ChangeAsync(context, kill: true));
        app.MapPost("/v1/File/Upload", UploadAsync);
        app.MapGet("/files/{folder}/{name}", ServeFileAsync);
        app.Map("/socket/v1", SocketAsync);
    }

    private async Task<bool> PlayFaultAsync(HttpContext context, string endpoint)
    {
        WiroFault? fault;
        lock (_faults)
        {
            fault = _faults.FirstOrDefault(f => f.Endpoint is null || endpoint.StartsWith(f.Endpoint, StringComparison.OrdinalIgnoreCase));
            if (fault is not null)
            {
                _faults.Remove(fault);
            }
        }

        switch (fault?.Kind)
        {
            case null:
                return false;
            case WiroFaultKind.Delay:
                await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
                return false;
            case WiroFaultKind.DropConnection:
                context.Abort();
                return true;
            case WiroFaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.Duration.TotalSeconds)).ToString();
                await AnswerAsync(context, 429, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
            case WiroFaultKind.ServerError:
                await AnswerAsync(context, 500, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
            case WiroFaultKind.MalformedJson:
                await AnswerAsync(context, 200, "{\"result\":true,\"tasklist\":[{\"id\":"u8.ToArray()).ConfigureAwait(false);
                return true;
            default:
                await AnswerAsync(context, 200, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>Checks the headers exactly as Wiro does, and refuses a nonce seen before.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var key = headers["x-api-key"].ToString();
        var nonce = headers["x-nonce"].ToString();
        var signature = headers["x-signature"].ToString();
        string? problem = null;
        if (!FixedEquals(key, _options.ApiKey))
        {
            problem = "Project authorization is not valid.";
        }
        else if (_options.AuthMode == WiroAuthMode.Signature)
        {
            if (nonce.Length == 0 || signature.Length == 0)
            {
                problem = "Project requires signature authentication. x-signature and x-nonce headers are required.";
            }
            else if (!FixedEquals(signature, Sign(_options.ApiKey, _options.ApiSecret ?? "", nonce)))
            {
                problem = "Project authorization is not valid.";
            }
            else
            {
                lock (_nonces)
                {
                    if (!_nonces.Add(nonce))
                    {
                        problem = "Project authorization is not valid.";
                    }
                }
            }
        }

        if (problem is null)
        {
            return true;
        }

        await AnswerAsync(context, 401, WiroJson.Error(0, problem)).ConfigureAwait(false);
        return false;
    }

    private async Task RunAsync(HttpContext context)
    {
        var owner = (string)context.Request.RouteValues["owner"]!;
        var model = (string)context.Request.RouteValues["model"]!;
        var (fields, files) = await ReadBodyAsync(context).ConfigureAwait(false);
        var problem = _specs.Validate(owner, model, fields, files);
        if (problem is not null)
        {
            await AnswerAsync(context, problem.Value.Code == 1 ? 404 : 400, WiroJson.Error(problem.Value.Code, problem.Value.Message)).ConfigureAwait(false);
            return;
        }

        var id = Interlocked.Increment(ref _nextTaskId).ToString();
        var outcome = _outcomes.TryDequeue(out var next) ? next : WiroTaskOutcome.Success();
        var task = new EmulatedTask(id, RandomToken(), owner, model, ParametersJson(fields, files), _options.Clock.GetUtcNow(), outcome, _options.StatusStepDuration)
        {
            CallbackUrl = fields.TryGetValue("callbackUrl", out var callback) ? callback.FirstOrDefault() : null,
        };
        _tasks[id] = task;
        if (task.CallbackUrl is { Length: > 0 })
        {
            _ = CallBackAsync(task);
        }

        await AnswerAsync(context, 200, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteString("taskid", task.Id);
            w.WriteString("socketaccesstoken", task.Token);
        })).ConfigureAwait(false);
    }

    private async Task DetailAsync(HttpContext context)
    {
        var task = await FindTaskAsync(context).ConfigureAwait(false);
        if (task is null)
        {
            return;
        }

        await AnswerTaskAsync(context, task).ConfigureAwait(false);
    }

    private async Task ChangeAsync(HttpContext context, bool kill)
    {
        var task = await FindTaskAsync(context).ConfigureAwait(false);
        if (task is null)
        {
            return;
        }

        var now = _options.Clock.GetUtcNow();
        var status = task.StatusAt(now);
        var allowed = kill ? !task.IsEndedAt(now) : status is "task_queue" or "task_accept" or "task_preprocess_start" or "task_preprocess_end" or "task_assign";
        if (!allowed)
        {
            await AnswerAsync(context, 200, WiroJson.Error(1, kill ? "Task is not running." : "Task is not in the queue; kill it instead.")).ConfigureAwait(false);
            return;
        }

        task.Cancel(now);
        await AnswerTaskAsync(context, task).ConfigureAwait(false);
    }

    private async Task UploadAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var file = form?.Files.GetFile("file");
        if (file is null)
        {
            await AnswerAsync(context, 400, WiroJson.Error(0, "Field 'file' is required.")).ConfigureAwait(false);
            return;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, context.RequestAborted).ConfigureAwait(false);
        var folder = Guid.NewGuid().ToString("N");
        var name = Path.GetFileName(file.FileName);
        _uploads[folder + "/" + name] = (content.ToArray(), file.ContentType ?? "application/octet-stream");
        var url = new Uri(BaseAddress, $"/files/{folder}/{Uri.EscapeDataString(name)}");
        await AnswerAsync(context, 200, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteStartArray("list");
            w.WriteStartObject();
            w.WriteString("id", folder);
            w.WriteString("name", name);
            w.WriteString("contenttype", file.ContentType);
            w.WriteString("size", content.Length.ToString());
            w.WriteString("url", url.AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndArray();
        })).ConfigureAwait(false);
    }

    private async Task ServeFileAsync(HttpContext context)
    {
        var folder = (string)context.Request.RouteValues["folder"]!;
        var name = (string)context.Request.RouteValues["name"]!;
        if (_uploads.TryGetValue(folder + "/" + name, out var upload))
        {
            context.Response.ContentType = upload.ContentType;
            await context.Response.Body.WriteAsync(upload.Content, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (_tasks.TryGetValue(folder, out var task) && name == "0.png" && task.Succeeded(_options.Clock.GetUtcNow()))
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(OutputPng, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 404;
    }

    /// <summary>Pushes each status as the task reaches it, with progress frames while it outputs, then closes.</summary>
    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        string? token = null;
        try
        {
            using var request = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
            if (request.RootElement.TryGetProperty("tasktoken", out var value))
            {
                token = value.GetString();
            }
        }
        catch (JsonException)
        {
        }

        var task = _tasks.Values.FirstOrDefault(t => t.Token == token);
        if (task is null)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unknown task", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var sent = 0;
        while (!context.RequestAborted.IsCancellationRequested)
        {
            var now = _options.Clock.GetUtcNow();
            var statuses = task.CancelledAt is null ? task.StatusesUpTo(now).ToList() : ["task_cancel"];
            for (; sent < statuses.Count; sent++)
            {
                await SendFrameAsync(socket, task, statuses[sent], context.RequestAborted).ConfigureAwait(false);
            }

            if (task.IsEndedAt(now))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(5, task.StepDuration.TotalMilliseconds / 4)), context.RequestAborted).ConfigureAwait(false);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "task ended", CancellationToken.None).ConfigureAwait(false);
    }

    private async Task SendFrameAsync(WebSocket socket, EmulatedTask task, string status, CancellationToken cancellationToken)
    {
        async Task SendAsync(Action<Utf8JsonWriter> message)
        {
            var frame = WiroJson.Write(w =>
            {
                w.WriteString("type", status);
                w.WriteString("id", task.Id);
                w.WriteString("tasktoken", task.Token);
                w.WritePropertyName("message");
                message(w);
                w.WriteBoolean("result", true);
            });
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }

        if (status == "task_output")
        {
            await SendAsync(w => w.WriteStringValue("Loading model weights")).ConfigureAwait(false);
            foreach (var step in new[] { 3, 6, 10 })
            {
                await SendAsync(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("type", "progressGenerate");
                    w.WriteString("percentage", (step * 10).ToString());
                    w.WriteString("stepCurrent", step.ToString());
                    w.WriteString("stepTotal", "10");
                    w.WriteEndObject();
                }).ConfigureAwait(false);
            }

            return;
        }

        if (status == "task_postprocess_end")
        {
            var succeeded = task.Outcome.ExitCode == "0";
            await SendAsync(w =>
            {
                w.WriteStartArray();
                if (succeeded)
                {
                    WiroJson.WriteOutput(w, task, BaseAddress);
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
            return;
        }

        await SendAsync(w => w.WriteStringValue(status == "task_error" ? task.Outcome.DebugError : "")).ConfigureAwait(false);
    }

    private async Task CallBackAsync(EmulatedTask task)
    {
        try
        {
            await Task.Delay(task.StepDuration * 11, _options.Clock).ConfigureAwait(false);
            var body = WiroJson.Write(w => w.WriteString("taskid", task.Id));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var _ = await _callbacks.PostAsync(task.CallbackUrl, content).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            // Best effort, as on Wiro: a callback that fails is not retried.
        }
    }

    private async Task<EmulatedTask?> FindTaskAsync(HttpContext context)
    {
        var (fields, _) = await ReadBodyAsync(context).ConfigureAwait(false);
        EmulatedTask? task = null;
        if (fields.TryGetValue("taskid", out var ids) && ids.Count > 0)
        {
            _tasks.TryGetValue(ids[0], out task);
        }
        else if ((fields.TryGetValue("tasktoken", out var tokens) || fields.TryGetValue("socketaccesstoken", out tokens)) && tokens.Count > 0)
        {
            task = _tasks.Values.FirstOrDefault(t => t.Token == tokens[0]);
        }

        if (task is null)
        {
            await AnswerAsync(context, 200, WiroJson.Error(1, "Task not found.")).ConfigureAwait(false);
        }

        return task;
    }

    private Task AnswerTaskAsync(HttpContext context, EmulatedTask task)
        => AnswerAsync(context, 200, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteString("total", "1");
            w.WriteStartArray("tasklist");
            WiroJson.WriteTask(w, task, _options.Clock.GetUtcNow(), BaseAddress);
            w.WriteEndArray();
        }));

    private static async Task<(Dictionary<string, List<string>> Fields, List<RecordedFile> Files)> ReadBodyAsync(HttpContext context)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (key, values) in form)
            {
                fields[key] = values.Select(v => v ?? "").ToList();
            }

            foreach (var file in form.Files)
            {
                files.Add(new RecordedFile(file.Name, file.FileName, file.Length));
            }

            return (fields, files);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return (fields, files);
        }

        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.EnumerateArray().Select(Scalar).ToList()
                        : [Scalar(property.Value)];
                }
            }
        }
        catch (JsonException)
        {
            fields["<malformed>"] = [Encoding.UTF8.GetString(body.ToArray())];
        }

        return (fields, files);

        static string Scalar(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    private void Record(HttpContext context, Dictionary<string, List<string>> fields, List<RecordedFile> files)
    {
        var headers = context.Request.Headers;
        var record = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.ContentType,
            headers["x-api-key"].FirstOrDefault(),
            headers["x-nonce"].FirstOrDefault(),
            headers.ContainsKey("x-signature"),
            fields.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value),
            files);
        lock (_requests)
        {
            _requests.Add(record);
        }
    }

    private static string ParametersJson(Dictionary<string, List<string>> fields, List<RecordedFile> files)
        => Encoding.UTF8.GetString(WiroJson.Write(w =>
        {
            foreach (var (key, values) in fields)
            {
                if (values.Count == 1)
                {
                    w.WriteString(key, values[0]);
                }
                else
                {
                    w.WriteStartArray(key);
                    values.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }
            }

            foreach (var file in files)
            {
                w.WriteString(file.Field, file.FileName);
            }
        }));

    private static Task AnswerAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    internal static string Sign(string key, string secret, string nonce)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(secret + nonce)));

    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string RandomToken()
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return string.Create(30, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
            }
        });
    }
}
