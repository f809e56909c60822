#nullable enable
namespace Wiro;

using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>What one attempt came to: its value, or a reason to try again (with the answer that asked, for its <c>Retry-After</c>).</summary>
internal readonly struct RetryAttempt<T>
{
    private RetryAttempt(T value, string? retryReason, HttpResponseMessage? answer)
    {
        Value = value;
        RetryReason = retryReason;
        Answer = answer;
    }

    public T Value { get; }

    /// <summary>Why the attempt is worth another (<c>HTTP 503</c>, <c>stalled</c>); null when it is done.</summary>
    public string? RetryReason { get; }

    /// <summary>A retryable answer, kept for its <c>Retry-After</c>; the loop disposes it after the wait.</summary>
    public HttpResponseMessage? Answer { get; }

    public static RetryAttempt<T> Done(T value) => new(value, null, null);

    /// <summary>Only when the attempt was told it may be retried.</summary>
    public static RetryAttempt<T> Again(string reason, HttpResponseMessage? answer = null) => new(default!, reason, answer);
}

/// <summary>
/// The one retry loop of the core, which API calls and downloads both run in. It counts the attempts, tells each
/// whether another may follow (<see cref="WiroClientOptions.MaxRetries"/>, read at each call), and waits between
/// them as <see cref="WiroRetry"/> says: as a retryable answer's <c>Retry-After</c> asks, else by backoff. A transport
/// failure (<see cref="WiroRetry.IsTransient"/>) is retried here; what else is worth another attempt (an answer of
/// 503, a download cut short) the attempt says itself, since only it knows. The last attempt's failure is thrown as
/// it is, for the caller to describe.
/// </summary>
internal static class RetryLoop
{
    /// <param name="options">The retry count and delays.</param>
    /// <param name="retry">False for calls sent exactly once (a Run, an upload): the single attempt is never told it may retry.</param>
    /// <param name="attempt">One attempt: its number from 0, whether it may return <see cref="RetryAttempt{T}.Again"/>, and the token.</param>
    /// <param name="retrying">Told the number of the next attempt and why, before the wait (for metrics and logs); may be null.</param>
    /// <param name="cancellationToken">Cancels the attempts and the waits.</param>
    public static async Task<T> RunAsync<T>(
        WiroClientOptions options,
        bool retry,
        Func<int, bool, CancellationToken, Task<RetryAttempt<T>>> attempt,
        Action<int, string>? retrying,
        CancellationToken cancellationToken)
    {
        for (var number = 0; ; number++)
        {
            var mayRetry = retry && number < options.MaxRetries;
            RetryAttempt<T> outcome;
            try
            {
                outcome = await attempt(number, mayRetry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (mayRetry && exception is not WiroApiException && WiroRetry.IsTransient(exception, cancellationToken))
            {
                retrying?.Invoke(number + 1, exception.GetType().Name);
                await WiroRetry.DelayAsync(options, number, null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (outcome.RetryReason is null)
            {
                return outcome.Value;
            }

            if (!mayRetry)
            {
                // The attempt's own bug; retrying anyway would break MaxRetries and a Run's send-once rule.
                outcome.Answer?.Dispose();
                throw new InvalidOperationException($"An attempt asked to be retried ({outcome.RetryReason}) when it was told it may not be.");
            }

            retrying?.Invoke(number + 1, outcome.RetryReason);
            using (outcome.Answer)
            {
                await WiroRetry.DelayAsync(options, number, outcome.Answer, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
