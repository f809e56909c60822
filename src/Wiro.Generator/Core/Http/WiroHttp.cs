#nullable enable
namespace Wiro;

using System;
using System.Net.Http;

/// <summary>
/// The one way the core builds an <see cref="HttpClient"/>: its handler never follows redirects. Signed calls refuse
/// them (<see cref="ApiOrigin"/>) and downloads follow them hop by hop under their own rules
/// (<see cref="OutputDownloader"/>), so no handler takes a request anywhere before the core has seen the answer.
/// </summary>
internal static class WiroHttp
{
    /// <param name="timeout">Bounds a call until its headers; the core bounds the body by its own rules.</param>
    public static HttpClient CreateClient(TimeSpan timeout)
        => new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = timeout };
}
