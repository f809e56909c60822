#nullable enable
namespace Wiro;

using System;
using System.Net.Http;

/// <summary>
/// The one way the core builds an HTTP handler and an <see cref="HttpClient"/>: the handler never follows redirects.
/// Signed calls refuse them (<c>ApiOrigin</c>) and downloads follow them hop by hop under their own rules
/// (<c>OutputDownloader</c>), so no handler takes a request anywhere before the core has seen the answer.
/// The client's own <see cref="HttpClient"/>, the one <c>AddWiro</c> registers, the wiro tool's and the emulator's
/// callbacks all come from here (the emulator compiles this one file).
/// </summary>
internal static class WiroHttp
{
    /// <summary>Connections are recycled so that a long-lived client follows DNS changes of the API.</summary>
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>A handler that never follows redirects (a plain <see cref="HttpClientHandler"/> where sockets are not available, as in a browser).</summary>
    public static HttpMessageHandler CreateHandler()
        => SocketsHttpHandler.IsSupported
            ? new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = ConnectionLifetime }
            : new HttpClientHandler { AllowAutoRedirect = false };

    /// <param name="timeout">Bounds a call until its headers; the core bounds the body by its own rules.</param>
    public static HttpClient CreateClient(TimeSpan timeout) => new(CreateHandler()) { Timeout = timeout };
}
