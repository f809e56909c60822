#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Streams one public resource into a destination: an output (Wiro's CDN), or a spec page the wiro tool fetches, so
/// both obey the same rules. Nothing is signed. Redirects are followed hop by hop (<see cref="DownloadRedirects"/>).
/// A body cut short, or stalled (<see cref="WiroClientOptions.DownloadStallTimeout"/>), is resumed with a Range
/// request within <see cref="WiroClientOptions.MaxRetries"/>, in the core's one <see cref="RetryLoop"/>; a server
/// that ignores the Range sends the whole body again and the part already written is skipped. A body longer or
/// shorter than expected (Wiro's <c>size</c>, else the Content-Length) fails, the longer one as soon as it passes
/// the size. With a cap, a body announced or grown past it fails with <see cref="WiroResponseTooLargeException"/>.
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
        if (!DownloadRedirects.IsHttp(_url))
        {
            throw Failed($"The output URL {_url} is not http(s); it is not downloaded.", null);
        }

        try
        {
            await RetryLoop.RunAsync(
                _options, retry: true, (_, mayRetry, token) => AttemptAsync(destination, mayRetry, token), retrying: null, operation: "download", cancellationToken).ConfigureAwait(false);
        }
        catch (DestinationFailure failure)
        {
            ExceptionDispatchInfo.Throw(failure.InnerException!);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The last attempt could not get an answer (earlier ones were retried).
            throw Failed($"Downloading {_url} failed: {exception.Message}", (exception as HttpRequestException)?.StatusCode, exception);
        }
    }

    /// <summary>One GET from where the last attempt stopped, its body copied on; again when it is cut short or stalls.</summary>
    private async Task<RetryAttempt<bool>> AttemptAsync(Stream destination, bool mayRetry, CancellationToken cancellationToken)
    {
        var response = await DownloadRedirects.SendAsync(_http, _url, _received, cancellationToken).ConfigureAwait(false);
        if (mayRetry && WiroRetry.IsRetryable(response.StatusCode))
        {
            // Kept for its Retry-After; the loop disposes it after the wait.
            return RetryAttempt<bool>.Again("HTTP " + (int)response.StatusCode, response);
        }

        using (response)
        {
            var alreadyWritten = StartOf(response);
            var interruption = await CopyAsync(response, alreadyWritten, destination, cancellationToken).ConfigureAwait(false);
            if (interruption is null)
            {
                if (_expected is { } expected && _received != expected)
                {
                    throw Failed($"Downloading {_url} ended after {_received} bytes, fewer than the {expected} expected.", response.StatusCode);
                }

                return RetryAttempt<bool>.Done(true);
            }

            var what = interruption is TimeoutException ? "stalled" : "was cut short";
            if (!mayRetry)
            {
                throw Failed($"Downloading {_url} {what} after {_received} of {_expected?.ToString() ?? "?"} bytes ({interruption.Message}).", response.StatusCode, interruption);
            }

            return RetryAttempt<bool>.Again(what);
        }
    }

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
        // A length that contradicts Wiro's size is the more exact fault, even when it is also past the cap.
        if (total is { } length && _expected is { } expected && length != expected)
        {
            throw Failed($"Downloading {_url}: the server announces {length} bytes, not the {expected} expected.", response.StatusCode);
        }

        if (total > _maxBytes)
        {
            throw TooLarge(total, response.StatusCode);
        }

        _expected = total ?? _expected;

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

                    await WriteAsync(destination, data, cancellationToken).ConfigureAwait(false);
                    _received += data.Length;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A destination that fails to write (a full disk) is the caller's failure: never retried, never described as the server's.</summary>
    private static async Task WriteAsync(Stream destination, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw new DestinationFailure(exception);
        }
    }

    private WiroResponseTooLargeException TooLarge(long? announced, HttpStatusCode status)
        => new(
            $"Downloading {_url}: the body is larger than the {_maxBytes}-byte cap"
            + (announced is { } length ? $" (it announces {length} bytes)." : "; it was dropped once it passed the cap."),
            _maxBytes!.Value, announced, status);

    private WiroDownloadException Failed(string message, HttpStatusCode? status, Exception? inner = null)
        => new(message, _url, _expected, _received, status, inner);

    /// <summary>Carries a destination's own exception through the retry loop, which must not take it for a transport failure.</summary>
    private sealed class DestinationFailure(Exception inner) : Exception(inner.Message, inner);
}
