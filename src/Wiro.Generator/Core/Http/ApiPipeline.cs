#nullable enable
namespace Wiro;

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// The send path of every signed API call (Run, Task/Detail, Cancel, Kill, File/Upload, and Tool/List for the wiro
/// tool), in order: a fresh request and body per attempt, signed by <see cref="SigningPolicy"/> (here, or by a
/// <see cref="WiroSigningHandler"/> below), sent, refused unless it answered from the API's origin without a
/// redirect (<see cref="ApiOrigin"/>), then read within the cap and the timeout (<see cref="WiroResponse"/>). Calls
/// that only read run in <see cref="RetryLoop"/>; a Run or an upload goes once. Each call is one activity, its
/// retries are counted and logged, and a failure is recorded once, by type.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly HttpClient _http;
    private readonly WiroClientOptions _options;
    private readonly SigningPolicy _signing;
    private readonly Uri _origin;
    private readonly Action<string, int, string> _retrying;

    /// <param name="http">Sends; its handler must not follow redirects.</param>
    /// <param name="options">Read at each call for the retry settings and the answer cap.</param>
    /// <param name="signing">The client's own signing, or <see cref="SigningPolicy.InHandler"/>.</param>
    /// <param name="origin">The base address: answers from anywhere else are refused.</param>
    public ApiPipeline(HttpClient http, WiroClientOptions options, SigningPolicy signing, Uri origin)
    {
        _http = http;
        _options = options;
        _signing = signing;
        _origin = origin;
        _retrying = Retrying;
    }

    /// <summary>Where calls log; set by the generated <c>AddWiro</c> through <see cref="WiroClient"/>, null otherwise.</summary>
    public IWiroLog? Log { get; set; }

    /// <summary>
    /// Signs and sends one POST and reads its envelope. With <paramref name="retry"/>, retries on 408/429/5xx and
    /// transport errors (a fresh body, nonce and signature per attempt), all within <see cref="WiroClientOptions.CallTimeout"/>;
    /// without it, sends exactly once, and marks
    /// the message so that <see cref="WiroSigningHandler"/> refuses to let any other handler send it again. For a Run,
    /// <paramref name="tool"/> (<c>owner/model</c>) names the tool on its activity.
    /// </summary>
    public async Task<JsonAnswer> PostAsync<TState>(
        Uri uri, string operation, TState state, Func<TState, HttpContent> createContent, bool retry, CancellationToken cancellationToken, string? tool = null)
    {
        using var activity = WiroTelemetry.StartCall(operation, tool);
        try
        {
            var answer = await SendAsync(uri, operation, state, createContent, retry, activity, cancellationToken).ConfigureAwait(false);
            // A Run names the task it started: with the id on its activity, a trace of RunAsync alone (a service that
            // answers 202 and watches later) still leads to the task.
            if (tool is not null)
            {
                activity?.SetTag("wiro.task.id", LenientJson.Text(answer.RootElement, "taskid"));
            }

            return answer;
        }
        catch (Exception exception)
        {
            WiroTelemetry.RecordFailure(activity, exception);
            if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log?.CallFailed(operation, exception.GetType().Name, (int?)(exception as WiroApiException)?.HttpStatus);
            }

            throw;
        }
    }

    private async Task<JsonAnswer> SendAsync<TState>(
        Uri uri, string operation, TState state, Func<TState, HttpContent> createContent, bool retry, Activity? activity, CancellationToken cancellationToken)
    {
        // Attempts as handlers sent them, which may be more than the loop's when a handler below retries by itself.
        var sent = 0;
        try
        {
            // A call that retries is bounded whole by CallTimeout; a Run or an upload is one attempt, bounded by the HTTP timeout.
            return await RetryLoop.RunAsync(
                _options, retry, AttemptAsync, _retrying, operation, cancellationToken,
                callTimeout: retry ? _options.CallTimeout : null, attemptTimeout: _http.Timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new WiroApiException(-1, "The call to Wiro failed: " + exception.Message, (exception as HttpRequestException)?.StatusCode, exception);
        }

        async Task<RetryAttempt<JsonAnswer>> AttemptAsync(int attempt, bool mayRetry, CancellationToken token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = createContent(state) };
            var call = new WiroCall(operation, sendOnce: !retry);
            request.Options.Set(WiroCall.Key, call);
            _signing.Sign(request);
            HttpResponseMessage? response = null;
            try
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                }
                finally
                {
                    sent += Math.Max(1, call.Attempts);
                    activity?.SetTag("wiro.attempts", sent);
                }

                ApiOrigin.Check(response, _origin);
                if (mayRetry && WiroRetry.IsRetryable(response.StatusCode))
                {
                    // The loop waits as its Retry-After asks, then disposes it.
                    var again = RetryAttempt<JsonAnswer>.Again("HTTP " + (int)response.StatusCode, response);
                    response = null;
                    return again;
                }

                var answer = await WiroResponse.ReadAsync(response, _options.MaxResponseBytes, _http.Timeout, token).ConfigureAwait(false);
                Log?.CallSucceeded(operation, sent);
                return RetryAttempt<JsonAnswer>.Done(answer);
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    private void Retrying(string operation, int attempt, string reason)
    {
        WiroTelemetry.RecordRetry(operation);
        Log?.Retrying(operation, attempt, reason);
    }
}
