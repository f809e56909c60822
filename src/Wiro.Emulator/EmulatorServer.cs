using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wiro.Emulator;

/// <summary>
/// Kestrel on 127.0.0.1 running the emulator's pipeline, put together by hand rather than by a host builder.
/// </summary>
/// <remarks>
/// Every host a <c>HostBuilder</c> or <c>WebApplicationBuilder</c> builds is announced on the process-wide
/// <c>Microsoft.Extensions.Hosting</c> DiagnosticListener, and <c>WebApplicationFactory</c> configures the hosts it
/// hears of there (its <c>HostFactoryResolver</c> listens from the app's entry point until its test thread has the
/// app's host). An emulator started inside a tested app's Program, after the app is built, was sometimes built
/// before that test thread stopped listening, and got the factory's settings and its <c>TestServer</c>: no socket,
/// no address. Nothing here is built by a host builder, so nothing is announced and nothing can be swapped; the
/// server is Kestrel because it is made here, and the address is read from the socket it bound.
/// </remarks>
internal sealed class EmulatorServer : IHttpApplication<HttpContext>, IAsyncDisposable
{
    /// <summary>How long a stop waits for open requests (a WebSocket, a slow download) before aborting them, as a host's default shutdown does.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly KestrelServer _kestrel;
    private readonly IHttpContextFactory _contexts;
    private readonly RequestDelegate _pipeline;

    private EmulatorServer(ServiceProvider services, KestrelServer kestrel, RequestDelegate pipeline)
    {
        _services = services;
        _kestrel = kestrel;
        _pipeline = pipeline;
        _contexts = new DefaultHttpContextFactory(services);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>, with the port the socket was bound to.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Binds 127.0.0.1:<paramref name="port"/> (0 for a free port) and serves what <paramref name="configure"/> builds.</summary>
    /// <param name="port">The port; 0 takes a free one.</param>
    /// <param name="maxRequestBody">The largest request body (and multipart body) accepted.</param>
    /// <param name="configure">Builds the whole pipeline: middleware, routing, endpoints.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="IOException">The port cannot be bound.</exception>
    public static async Task<EmulatorServer> StartAsync(int port, long maxRequestBody, Action<IApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // No logging provider: the emulator writes no logs.
        services.AddLogging();
        services.AddOptions();
        services.AddRoutingCore();
        // Endpoint routing needs a DiagnosticListener. This one has a name of its own, so listeners for an app's
        // "Microsoft.AspNetCore" events never see the emulator's requests; made by a factory, so the container
        // disposes it (until then it stays in the process-wide list of listeners).
        services.AddSingleton(_ => new DiagnosticListener("Wiro.Emulator"));
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxRequestBody);
        var provider = services.BuildServiceProvider();

        KestrelServer? kestrel = null;
        try
        {
            var loggerFactory = provider.GetRequiredService<ILoggerFactory>();
            var options = new KestrelServerOptions { ApplicationServices = provider };
            options.Limits.MaxRequestBodySize = maxRequestBody;
            ListenOptions? listen = null;
            options.Listen(IPAddress.Loopback, port, configured => listen = configured);
            var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory);
            kestrel = new KestrelServer(Options.Create(options), transport, loggerFactory);

            var app = new ApplicationBuilder(provider);
            configure(app);
            var server = new EmulatorServer(provider, kestrel, app.Build());
            await kestrel.StartAsync(server, cancellationToken).ConfigureAwait(false);

            // Kestrel replaces the endpoint it was given with the one it bound, so a port of 0 reads as the real one.
            var bound = listen?.IPEndPoint is { Port: > 0 } endpoint
                ? endpoint
                : throw new InvalidOperationException($"Kestrel started but reported no bound port for 127.0.0.1:{port}.");
            server.Address = new Uri($"http://{bound}/");
            return server;
        }
        catch
        {
            kestrel?.Dispose();
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops accepting, lets open requests end (up to the shutdown timeout), then releases everything.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _kestrel.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _kestrel.Dispose();
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    HttpContext IHttpApplication<HttpContext>.CreateContext(IFeatureCollection contextFeatures) => _contexts.Create(contextFeatures);

    Task IHttpApplication<HttpContext>.ProcessRequestAsync(HttpContext context) => _pipeline(context);

    void IHttpApplication<HttpContext>.DisposeContext(HttpContext context, Exception? exception) => _contexts.Dispose(context);
}
