#nullable enable
namespace Wiro;

using System;
using System.IO;
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
/// them as <see cref="WiroRetry"/> says: as a retryable answer's <c>Retry-After</c> asks, else by backoff, on the
/// core's clock. A transport failure (<see cref="WiroRetry.IsTransient"/>) is retried here; what else is worth another
/// attempt (an answer of 503, a download cut short) the attempt says itself, since only it knows. The last attempt's
/// failure is thrown as it is, for the caller to describe.
/// <para>
/// With a call timeout (<see cref="WiroClientOptions.CallTimeout"/>, for API calls that retry), the attempts and
/// the waits between them all end by it: an attempt still running then is cancelled, and a wait that would end past
/// it is not begun; either way the call ends with a <see cref="TaskCanceledException"/> whose inner exception is a
/// <see cref="TimeoutException"/>, as an attempt's own timeout is reported. The deadline's timer is made only when
/// it can matter: for the first attempt only when the call timeout is shorter than an attempt's own, otherwise when
/// a first retry is due, so a call that succeeds at once costs nothing more.
/// </para>
/// </summary>
internal static class RetryLoop
{
    /// <param name="options">The retry count and delays, and the clock.</param>
    /// <param name="retry">False for calls sent exactly once (a Run, an upload): the single attempt is never told it may retry.</param>
    /// <param name="attempt">One attempt: its number from 0, whether it may return <see cref="RetryAttempt{T}.Again"/>, and the token.</param>
    /// <param name="retrying">Told the operation, the number of the next attempt and why, before the wait (for metrics and logs); may be null.
    /// A delegate the caller keeps, with the operation passed back, so a call allocates none.</param>
    /// <param name="operation">What is being called, passed back to <paramref name="retrying"/>.</param>
    /// <param name="cancellationToken">Cancels the attempts and the waits.</param>
    /// <param name="callTimeout">Bounds the attempts and the waits together; <see cref="Timeout.InfiniteTimeSpan"/> (the default) for no bound.</param>
    /// <param name="attemptTimeout">How long one attempt may take by itself (the HTTP client's timeout), to tell whether the first attempt needs the deadline.</param>
    public static async Task<T> RunAsync<T>(
        WiroClientOptions options,
        bool retry,
        Func<int, bool, CancellationToken, Task<RetryAttempt<T>>> attempt,
        Action<string, int, string>? retrying,
        string operation,
        CancellationToken cancellationToken,
        TimeSpan? callTimeout = null,
        TimeSpan? attemptTimeout = null)
    {
        var budget = callTimeout ?? Timeout.InfiniteTimeSpan;
        var startedAt = options.Clock.GetTimestamp();
        var firstNeedsDeadline = budget != Timeout.InfiniteTimeSpan && (attemptTimeout is not { } own || own == Timeout.InfiniteTimeSpan || own > budget);
        // Made when it can matter (see the class remarks): a call that succeeds at once allocates nothing for it.
        Deadline? deadline = null;
        try
        {
            for (var number = 0; ; number++)
            {
                var mayRetry = retry && number < options.MaxRetries;
                var token = number == 0 && !firstNeedsDeadline
                    ? cancellationToken
                    : (deadline ??= new Deadline(options.Clock, budget, startedAt, cancellationToken)).Token();
                RetryAttempt<T> outcome;
                try
                {
                    outcome = await attempt(number, mayRetry, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (deadline is { Passed: true } && exception is OperationCanceledException or HttpRequestException or IOException)
                {
                    throw deadline.Exceeded("an attempt was still running", exception);
                }
                catch (Exception exception) when (mayRetry && exception is not WiroApiException && WiroRetry.IsTransient(exception, cancellationToken))
                {
                    deadline ??= new Deadline(options.Clock, budget, startedAt, cancellationToken);
                    await WaitAsync(options, deadline, cancellationToken, retrying, operation, number, null, exception.GetType().Name).ConfigureAwait(false);
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

                using (outcome.Answer)
                {
                    deadline ??= new Deadline(options.Clock, budget, startedAt, cancellationToken);
                    await WaitAsync(options, deadline, cancellationToken, retrying, operation, number, outcome.Answer, outcome.RetryReason).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            deadline?.Dispose();
        }
    }

    /// <summary>The wait before the next attempt, refused when it would end past the deadline.</summary>
    // Static, not a local function: one that captured the loop's locals would cost every call (retried or not) a closure.
    private static async Task WaitAsync(
        WiroClientOptions options, Deadline deadline, CancellationToken cancellationToken, Action<string, int, string>? retrying,
        string operation, int number, HttpResponseMessage? answer, string reason)
    {
        var delay = WiroRetry.Delay(options, number, answer);
        if (!deadline.Allows(delay))
        {
            throw deadline.Exceeded($"the last attempt got {reason} and the wait before the next ({delay.TotalSeconds:0.###} s) would end past it", null);
        }

        retrying?.Invoke(operation, number + 1, reason);
        try
        {
            await Task.Delay(delay, options.Clock, deadline.IsBounded ? deadline.Token() : cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.Passed)
        {
            throw deadline.Exceeded("it was waiting to try again", exception);
        }
    }

    /// <summary>A call's deadline on the core's clock, its timer made on first use.</summary>
    private sealed class Deadline : IDisposable
    {
        private readonly TimeProvider _clock;
        private readonly CancellationToken _caller;
        private readonly long _startedAt;
        private CancellationTokenSource? _timer;
        private CancellationTokenSource? _linked;

        public Deadline(TimeProvider clock, TimeSpan budget, long startedAt, CancellationToken caller)
        {
            _clock = clock;
            Budget = budget;
            _caller = caller;
            _startedAt = startedAt;
        }

        public TimeSpan Budget { get; }

        public bool IsBounded => Budget != Timeout.InfiniteTimeSpan;

        /// <summary>The deadline has come (and the caller did not cancel first).</summary>
        public bool Passed => IsBounded && !_caller.IsCancellationRequested && (_timer?.IsCancellationRequested == true || Left <= TimeSpan.Zero);

        private TimeSpan Left => Budget - _clock.GetElapsedTime(_startedAt);

        /// <summary>Whether a wait of <paramref name="delay"/> ends before the deadline.</summary>
        public bool Allows(TimeSpan delay) => !IsBounded || delay < Left;

        /// <summary>The caller's token joined with the deadline (the caller's alone when unbounded).</summary>
        public CancellationToken Token()
        {
            if (!IsBounded)
            {
                return _caller;
            }

            if (_linked is null)
            {
                var left = Left;
                _timer = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, _clock);
                _linked = CancellationTokenSource.CreateLinkedTokenSource(_caller, _timer.Token);
            }

            return _linked.Token;
        }

        public TaskCanceledException Exceeded(string when, Exception? inner)
        {
            var message = $"The call to Wiro did not end within WiroClientOptions.CallTimeout ({Budget.TotalSeconds:0.###} s): {when}.";
            return new TaskCanceledException(message, new TimeoutException(message, inner));
        }

        public void Dispose()
        {
            _linked?.Dispose();
            _timer?.Dispose();
        }
    }
}
