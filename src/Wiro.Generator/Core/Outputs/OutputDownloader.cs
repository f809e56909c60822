#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Streams one public resource into a destination: an output (Wiro's CDN), or a spec page the wiro tool fetches, so
/// both obey the same rules. Nothing is signed. Redirects are
/// followed hop by hop, at most <see cref="MaxRedirects"/>, each to http(s) only and never from https to http. A body
/// cut short, or stalled (<see cref="WiroClientOptions.DownloadStallTimeout"/>), is resumed with a Range request
/// within <see cref="WiroClientOptions.MaxRetries"/>; a server that ignores the Range sends the whole body again and
/// the part already written is skipped. A body longer or shorter than expected (Wiro's <c>size</c>, else the
/// Content-Length) fails, the longer one as soon as it passes the size. With a cap, a body announced or grown past it
/// fails with <see cref="WiroResponseTooLargeException"/>.
/// </summary>
internal sealed class OutputDownloader
{
    /// <summary>The most redirects one attempt follows.</summary>
    public const int MaxRedirects = 10;

    private const int CopyBufferLength = 81920;

    private readonly HttpClient _http;
    private readonly WiroClientOptions _options;
    private readonly Uri _url;
    private readonly long? _maxBytes;
    private long? _expected;
    private long _received;

    /// <param name="http">Sends the requests; its handler must not follow redirects (see <see cref="WiroHttp"/>).</param>
    /// <param name="options">Retries, their delays and the stall rule.</param>
    /// <param name="url">What to download.</param>
    /// <param name="size">The size it should have, when known.</param>
    /// <param name="maxBytes">The most bytes accepted; null for none (outputs are as large as they are).</param>
    public OutputDownloader(HttpClient http, WiroClientOptions options, Uri url, long? size, long? maxBytes = null)
    {
        _http = http;
        _options = options;
        _url = url;
        _expected = size;
        _maxBytes = maxBytes;
    }

    public async Task DownloadAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (!IsHttp(_url))
        {
            throw Failed($"The output URL {_url} is not http(s); it is not downloaded.", null);
        }

        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < _options.MaxRetries;
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (canRetry && exception is not WiroApiException && WiroRetry.IsTransient(exception, cancellationToken))
            {
                await WiroRetry.DelayAsync(_options, attempt, null, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw Failed($"Downloading {_url} failed: {exception.Message}", (exception as HttpRequestException)?.StatusCode, exception);
            }

            using (response)
            {
                if (canRetry && WiroRetry.IsRetryable(response.StatusCode))
                {
                    await WiroRetry.DelayAsync(_options, attempt, response, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var alreadyWritten = StartOf(response);
                var interruption = await CopyAsync(response, alreadyWritten, destination, cancellationToken).ConfigureAwait(false);
                if (interruption is null)
                {
                    if (_expected is { } expected && _received != expected)
                    {
                        throw Failed($"Downloading {_url} ended after {_received} bytes, fewer than the {expected} expected.", response.StatusCode);
                    }

                    return;
                }

                if (!canRetry)
                {
                    var what = interruption is TimeoutException ? "stalled" : "was cut short";
                    throw Failed($"Downloading {_url} {what} after {_received} of {_expected?.ToString() ?? "?"} bytes ({interruption.Message}).", response.StatusCode, interruption);
                }
            }

            await WiroRetry.DelayAsync(_options, attempt, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsRedirect(HttpStatusCode status)
        => status is HttpStatusCode.MultipleChoices or HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>One GET (from <see cref="_received"/> on), following redirects that keep to the rules.</summary>
    private async Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
    {
        var target = _url;
        for (var hop = 0; ; hop++)
        {
            HttpResponseMessage response;
            using (var request = new HttpRequestMessage(HttpMethod.Get, target))
            {
                if (_received > 0)
                {
                    request.Headers.Range = new RangeHeaderValue(_received, null);
                }

                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }

            // A given HttpClient may have followed redirects inside its handler: where it ended obeys the same rules.
            var reached = response.RequestMessage?.RequestUri ?? target;
            var refusal = Refusal(target, reached, response.StatusCode);
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
                throw new WiroRedirectException($"Downloading {_url}: HTTP {(int)status} is a redirect with no Location.", status, null);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(reached, location);
            if (hop == MaxRedirects)
            {
                throw new WiroRedirectException($"Downloading {_url}: more than {MaxRedirects} redirects, the last (HTTP {(int)status}) to {next}.", status, next);
            }

            target = Refusal(reached, next, status) is { } refused ? throw refused : next;
        }
    }

    private WiroRedirectException? Refusal(Uri from, Uri to, HttpStatusCode status)
        => !IsHttp(to)
            ? new WiroRedirectException($"Downloading {_url}: redirected (HTTP {(int)status}) to {to}, which is not http(s); not followed.", status, to)
            : from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp
                ? new WiroRedirectException($"Downloading {_url}: redirected (HTTP {(int)status}) from https to {to}; not followed.", status, to)
                : null;

    /// <summary>How many bytes at the start of this body were already written: none for a range that resumes.</summary>
    private long StartOf(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Failed($"Downloading {_url} failed with HTTP {(int)response.StatusCode}.", response.StatusCode);
        }

        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        var range = response.Content.Headers.ContentRange;
        if (resumed && range?.From != _received)
        {
            throw Failed($"Downloading {_url}: the server sent a range from byte {range?.From?.ToString() ?? "?"}, not {_received}.", response.StatusCode);
        }

        var total = resumed ? range!.Length : response.Content.Headers.ContentLength;
        if (total > _maxBytes)
        {
            throw TooLarge(total, response.StatusCode);
        }

        if (total is { } length)
        {
            if (_expected is { } expected && length != expected)
            {
                throw Failed($"Downloading {_url}: the server announces {length} bytes, not the {expected} expected.", response.StatusCode);
            }

            _expected = length;
        }

        return resumed ? 0 : _received;
    }

    /// <summary>Copies the body; null when it ended, else why it stopped (cut short: an IOException; stalled: a TimeoutException).</summary>
    private async Task<Exception?> CopyAsync(HttpResponseMessage response, long alreadyWritten, Stream destination, CancellationToken cancellationToken)
    {
        var window = _options.DownloadStallTimeout;
        var required = Math.Max(1, (long)(_options.MinimumDownloadBytesPerSecond * window.TotalSeconds));
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferLength);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            stall.CancelAfter(window);
            var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                long movedInWindow = 0;
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer.AsMemory(), stall.Token).ConfigureAwait(false);
                    }
                    catch (IOException exception)
                    {
                        return exception;
                    }
                    catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        return new TimeoutException($"fewer than {required} bytes in {window.TotalSeconds:0.###} s", exception);
                    }

                    if (read == 0)
                    {
                        return null;
                    }

                    // The window starts again each time it has brought enough: a progress rule, not a total.
                    movedInWindow += read;
                    if (movedInWindow >= required)
                    {
                        movedInWindow = 0;
                        stall.CancelAfter(window);
                    }

                    var data = buffer.AsMemory(0, read);
                    if (alreadyWritten > 0)
                    {
                        var skipped = (int)Math.Min(alreadyWritten, read);
                        alreadyWritten -= skipped;
                        data = data.Slice(skipped);
                    }

                    if (_expected is { } expected && _received + data.Length > expected)
                    {
                        throw Failed($"Downloading {_url}: the body is longer than the {expected} bytes expected.", response.StatusCode);
                    }

                    if (_received + data.Length > _maxBytes)
                    {
                        throw TooLarge(null, response.StatusCode);
                    }

                    await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                    _received += data.Length;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private WiroResponseTooLargeException TooLarge(long? announced, HttpStatusCode status)
        => new(
            $"Downloading {_url}: the body is larger than the {_maxBytes}-byte cap"
            + (announced is { } length ? $" (it announces {length} bytes)." : "; it was dropped once it passed the cap."),
            _maxBytes!.Value, announced, status);

    private WiroDownloadException Failed(string message, HttpStatusCode? status, Exception? inner = null)
        => new(message, _url, _expected, _received, status, inner);
}
