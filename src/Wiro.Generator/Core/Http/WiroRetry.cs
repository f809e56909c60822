#nullable enable
namespace Wiro;

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// When and how long to wait before sending an idempotent call again: on 408, 429, 5xx and transport errors, with
/// exponential backoff and jitter, honouring <c>Retry-After</c>. Calls that are not idempotent (Run, upload) are
/// sent once; the callers decide which is which.
/// </summary>
internal static class WiroRetry
{
    public static bool IsRetryable(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>A transport failure worth another attempt; a cancellation the caller asked for never is.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken)
        => exception is HttpRequestException or IOException
           || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>How long to wait before attempt <paramref name="attempt"/> + 1: as the answer asked (within <see cref="WiroClientOptions.MaxRetryDelay"/>) or by backoff.</summary>
    public static TimeSpan Delay(WiroClientOptions options, int attempt, HttpResponseMessage? response)
        => RetryAfter(response, options) ?? Backoff(options, attempt);

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, WiroClientOptions options)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - options.Clock.GetUtcNow() : null);
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
