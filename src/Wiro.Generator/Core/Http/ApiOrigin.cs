#nullable enable
namespace Wiro;

using System;
using System.Net.Http;

/// <summary>
/// Signed calls go to the configured API origin (scheme, host and port) and nowhere else. The client's own
/// <see cref="HttpClient"/> never follows redirects, so a redirect arrives here as an answer and is refused. A given
/// <see cref="HttpClient"/> may follow them inside its handler, where the client cannot stop it; the answer then
/// comes from another origin, and is refused too, though the signed request has already gone there.
/// </summary>
internal static class ApiOrigin
{
    /// <exception cref="WiroRedirectException">The answer is a redirect, or came from another origin.</exception>
    public static void Check(HttpResponseMessage response, Uri origin)
    {
        var reached = response.RequestMessage?.RequestUri;
        if (reached is not null && !IsSameOrigin(reached, origin))
        {
            throw new WiroRedirectException(
                $"The HttpClient given to WiroClient followed a redirect to {reached.GetLeftPart(UriPartial.Path)}: the signed request went there. "
                + "Give WiroClient an HttpClient whose handler does not follow redirects (AllowAutoRedirect = false).",
                response.StatusCode,
                reached);
        }

        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var target = location is null || location.IsAbsoluteUri || reached is null ? location : new Uri(reached, location);
            throw new WiroRedirectException(
                $"Wiro's API answered HTTP {status} with a redirect to {target?.ToString() ?? "(no Location)"}; signed calls never follow redirects, so nothing was sent there.",
                response.StatusCode,
                target);
        }
    }

    public static bool IsSameOrigin(Uri uri, Uri origin)
        => string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
           && uri.Port == origin.Port;
}
