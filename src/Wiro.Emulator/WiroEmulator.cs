using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// A Wiro-compatible server on 127.0.0.1 with a free port, for tests and offline use (as Azurite is for Azure
/// Storage): signed auth, Run, Task/Detail, Cancel, Kill, File/Upload, the WebSocket, outputs over HTTP, and
/// scriptable outcomes and faults.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s" });
/// emulator.EnqueueOutcome(WiroTaskOutcome.Failure(exitCode: "1", debugError: "CUDA out of memory"));
/// // point a client at emulator.BaseAddress and emulator.WebSocketAddress
/// </code>
/// </example>
public sealed partial class WiroEmulator : IAsyncDisposable
{
    /// <summary>Room for Wiro's 100 MB upload limit plus the multipart framing.</summary>
    private const long MaxRequestBody = 110L * 1024 * 1024;

    private EmulatorServer _server = null!;
    private readonly WiroEmulatorOptions _options;
    private readonly SpecCatalog _specs;
    private readonly Authenticator _authenticator;
    private readonly FaultQueue _faults;
    private readonly CallbackSender _callbacks;
    private readonly TaskSocket _socket;
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasksByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WiroOutputFile> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WiroTaskOutcome> _outcomes = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly WiroOutputFile[] _defaultOutputs;
    private readonly LlmSessions _llmSessions = new();
    private long _nextTaskId = 1000;
    private int _disposed;

    private WiroEmulator(WiroEmulatorOptions options, SpecCatalog specs)
    {
        _options = options;
        _specs = specs;
        _defaultOutputs = [.. options.Outputs];
        _authenticator = new Authenticator(options);
        _faults = new FaultQueue(options.Clock);
        _callbacks = new CallbackSender(options.Clock, () => ServerAddress);
        _socket = new TaskSocket(options.Clock, token => _tasksByToken.GetValueOrDefault(token), () => ServerAddress, _faults);
    }

    /// <summary>The API address to give a client, e.g. <c>http://127.0.0.1:5123/v1/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The WebSocket address to give a client, e.g. <c>ws://127.0.0.1:5123/socket/v1</c>.</summary>
    public Uri WebSocketAddress { get; private set; } = null!;

    /// <summary>
    /// The requests received so far, oldest first: every API call (including ones a fault answered or auth
    /// refused, so retries can be counted) and every file download. No secret is kept.
    /// </summary>
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

    /// <summary><c>http://127.0.0.1:{port}/</c>, the root file URLs are built on.</summary>
    private Uri ServerAddress { get; set; } = null!;

    /// <summary>Starts an emulator on 127.0.0.1, on a free port unless <see cref="WiroEmulatorOptions.Port"/> names one.</summary>
    /// <param name="options">Credentials, auth mode, specs, clock and outputs; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The options are incomplete, or a spec file cannot be read as a spec.</exception>
    public static async Task<WiroEmulator> StartAsync(WiroEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WiroEmulatorOptions();
        options.Validate();
        var specs = SpecCatalog.Load(options.SpecFiles);

        // Kestrel made by hand, not by a host builder a WebApplicationFactory in the same process could take over
        // (see EmulatorServer).
        var emulator = new WiroEmulator(options, specs);
        emulator._server = await EmulatorServer.StartAsync(options.Port, MaxRequestBody, emulator.Map, cancellationToken).ConfigureAwait(false);
        emulator.ServerAddress = emulator._server.Address;
        emulator.BaseAddress = new Uri(emulator.ServerAddress, "v1/");
        emulator.WebSocketAddress = new UriBuilder(emulator.ServerAddress) { Scheme = "ws", Path = "/socket/v1" }.Uri;
        return emulator;
    }

    /// <summary>Sets how the next run ends. Outcomes are used in the order enqueued; runs without one succeed.</summary>
    /// <param name="outcome">The outcome.</param>
    public void EnqueueOutcome(WiroTaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes.Enqueue(outcome);
    }

    /// <summary>Plays <paramref name="fault"/> once, on the next request that matches its endpoint.</summary>
    /// <param name="fault">The fault.</param>
    public void EnqueueFault(WiroFault fault) => _faults.Enqueue(fault);

    /// <summary>Stops the server; pending callbacks are dropped.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _callbacks.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The pipeline, in the order a WebApplication gives it: routing, then the middleware, then the endpoints.</summary>
    private void Map(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseWebSockets();
        app.Use(GatewayAsync);
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapPost("/v1/Run/{owner}/{model}", RunAsync);
            endpoints.MapPost("/v1/Task/Detail", DetailAsync);
            endpoints.MapPost("/v1/Task/Cancel", context => StopAsync(context, kill: false));
            endpoints.MapPost("/v1/Task/Kill", context => StopAsync(context, kill: true));
            endpoints.MapPost("/v1/File/Upload", UploadAsync);
            endpoints.MapGet("/files/{folder}/{name}", ServeFileAsync);
            endpoints.MapPost("/v1/Tool/Detail", ToolDetailAsync);
            endpoints.MapPost("/v1/Tool/List", ToolListAsync);
            endpoints.MapGet("/" + SpecFiles.PageRoute, PageAsync);
            endpoints.Map("/socket/v1", _socket.HandleAsync);
        });
    }

    /// <summary>What stands in front of every endpoint: recording, then faults, then auth (API calls only).</summary>
    private async Task GatewayAsync(HttpContext context, RequestDelegate next)
    {
        var arrivedAt = _options.Clock.GetUtcNow();
        var isApi = context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase, out var endpoint);
        var isDownload = HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/files", StringComparison.OrdinalIgnoreCase);
        if (!isApi && !isDownload)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Every attempt is recorded, even one a fault then drops, so tests can count retries.
        var body = isApi ? await RequestBody.ReadAsync(context).ConfigureAwait(false) : null;
        Record(context, body);
        var target = isApi ? endpoint.Value ?? "/" : context.Request.Path.Value!;
        if (await _faults.PlayAsync(context, target, isApi, arrivedAt).ConfigureAwait(false))
        {
            return;
        }

        if (isApi && _authenticator.Check(context.Request.Headers) is { } problem)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status401Unauthorized, 0, problem).ConfigureAwait(false);
            return;
        }

        if (_faults.DamagesAnswer(target, isApi))
        {
            await DamagedAsync(context, next, target, isApi).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Runs the endpoint into a buffer, lets a waiting fault damage its answer, then sends it.</summary>
    private async Task DamagedAsync(HttpContext context, RequestDelegate next, string target, bool isApi)
    {
        var response = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = response;
        }

        var answer = _faults.Damage(target, isApi, buffer.ToArray());
        context.Response.ContentLength = answer.Length;
        await response.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private void Record(HttpContext context, RequestBody? body)
    {
        var headers = context.Request.Headers;
        var record = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.ContentType,
            headers["x-api-key"].FirstOrDefault(),
            headers["x-nonce"].FirstOrDefault(),
            headers.ContainsKey("x-signature"),
            body?.Fields.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToArray(), StringComparer.Ordinal)
                ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            body?.Files.ToArray() ?? []);
        lock (_requests)
        {
            _requests.Add(record);
        }
    }
}
