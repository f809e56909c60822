#nullable enable
namespace Wiro;

using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Retries idempotent calls on 408, 429, 5xx and transport errors, with exponential backoff and jitter, honouring
/// <c>Retry-After</c>. Calls that are not idempotent (Run, upload) are sent once.
/// </summary>
internal static class WiroRetry
{
    public static async Task<HttpResponseMessage> SendAsync(
        WiroClientOptions options, Func<Task<HttpResponseMessage>> send, bool retry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = retry && attempt < options.MaxRetries;
            HttpResponseMessage response;
            try
            {
                response = await send().ConfigureAwait(false);
            }
            catch (Exception exception) when (canRetry && IsTransient(exception, cancellationToken))
            {
                await Task.Delay(Backoff(options, attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException exception)
            {
                throw new WiroApiException(-1, "The call to Wiro failed: " + exception.Message, exception.StatusCode, exception);
            }

            if (!canRetry || !IsRetryable(response.StatusCode))
            {
                return response;
            }

            var delay = RetryAfter(response, options) ?? Backoff(options, attempt);
            response.Dispose();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken)
        => exception is HttpRequestException or System.IO.IOException
           || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static TimeSpan? RetryAfter(HttpResponseMessage response, WiroClientOptions options)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private static TimeSpan Backoff(WiroClientOptions options, int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }
}
