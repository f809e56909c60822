#nullable enable
namespace Wiro;

using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Sends one download GET and follows its redirects hop by hop, under the rules every download obeys: at most
/// <see cref="OutputDownloader.MaxRedirects"/> hops, each to http(s) only and never from https to http. The
/// <see cref="HttpClient"/> must not follow redirects itself (see <see cref="WiroHttp"/>); when a given one did, where
/// it ended is held to the same rules.
/// </summary>
internal static class DownloadRedirects
{
    public static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The first answer that is not a redirect, for <paramref name="url"/> from byte <paramref name="from"/> on.</summary>
    /// <exception cref="WiroRedirectException">A redirect breaks the rules, has no Location, or is one too many.</exception>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri url, long from, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hop = 0; ; hop++)
        {
            HttpResponseMessage response;
            using (var request = new HttpRequestMessage(HttpMethod.Get, target))
            {
                if (from > 0)
                {
                    request.Headers.Range = new RangeHeaderValue(from, null);
                }

                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }

            var reached = response.RequestMessage?.RequestUri ?? target;
            var refusal = Refusal(url, target, reached, response.StatusCode);
            if (refusal is null && !IsRedirect(response.StatusCode))
            {
                return response;
            }

            var status = response.StatusCode;
            var location = response.Headers.Location;
            response.Dispose();
            if (refusal is not null)
            {
                throw refusal;
            }

            if (location is null)
            {
                throw new WiroRedirectException($"Downloading {url}: HTTP {(int)status} is a redirect with no Location.", status, null);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(reached, location);
            if (hop == OutputDownloader.MaxRedirects)
            {
                throw new WiroRedirectException($"Downloading {url}: more than {OutputDownloader.MaxRedirects} redirects, the last (HTTP {(int)status}) to {next}.", status, next);
            }

            target = Refusal(url, reached, next, status) is { } refused ? throw refused : next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status)
        => status is HttpStatusCode.MultipleChoices or HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static WiroRedirectException? Refusal(Uri url, Uri from, Uri to, HttpStatusCode status)
        => !IsHttp(to)
            ? new WiroRedirectException($"Downloading {url}: redirected (HTTP {(int)status}) to {to}, which is not http(s); not followed.", status, to)
            : from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp
                ? new WiroRedirectException($"Downloading {url}: redirected (HTTP {(int)status}) from https to {to}; not followed.", status, to)
                : null;
}
