#nullable enable
namespace Wiro;

using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Signs Wiro's API calls per attempt, as the innermost handler of an <see cref="HttpClient"/>, so that any retry
/// a handler above it makes carries a fresh nonce and signature (Wiro refuses a nonce it has seen). It never lets
/// a Run or an upload out a second time: a retry of one fails with <see cref="WiroResendRefusedException"/> and
/// nothing is sent, and a hedged copy sent while the first is out lets the first one's answer win. Requests that are not Wiro API calls (output downloads) pass through unsigned.
/// Use it with <c>new WiroClient(httpClient, options, signedByHandler: true)</c>; the generated <c>AddWiro</c> sets
/// both up.
/// </summary>
public sealed class WiroSigningHandler : DelegatingHandler
{
    /// <summary>How long a refused hedged attempt waits to be cancelled once the first attempt has answered.</summary>
    private static readonly TimeSpan HedgedAttemptGrace = TimeSpan.FromSeconds(10);

    private readonly WiroCredentials _credentials;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    /// <param name="options">The project's key and secret, captured now.</param>
    public WiroSigningHandler(WiroClientOptions options)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _credentials = new WiroCredentials(options);
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>, which must not follow redirects.</summary>
    /// <param name="options">The project's key and secret, captured now.</param>
    /// <param name="innerHandler">The handler that sends, such as a <c>SocketsHttpHandler</c> with <c>AllowAutoRedirect = false</c>.</param>
    public WiroSigningHandler(WiroClientOptions options, HttpMessageHandler innerHandler)
        : this(options)
    {
        InnerHandler = innerHandler ?? throw new ArgumentNullException(nameof(innerHandler));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(WiroCall.Key, out var call))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!call.TryStartAttempt())
        {
            throw await RefusalAsync(call, cancellationToken).ConfigureAwait(false);
        }

        _credentials.Apply(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            call.EndFirstAttempt("HTTP " + (int)response.StatusCode, response.IsSuccessStatusCode);
            return response;
        }
        catch (Exception exception)
        {
            call.EndFirstAttempt(exception.GetType().Name, succeeded: false);
            throw;
        }
    }

    /// <summary>
    /// The refusal of a second send of a Run or an upload (or the cancellation of the wait for it). A retry comes
    /// after the first attempt failed and is refused at once. A hedged copy comes while the first is still out:
    /// refused then, the refusal would win the race and hide the task the first one started (and that is billed), so
    /// it waits for the first; when that one answered, it waits to be cancelled, as a hedging handler cancels the
    /// attempts that lost, for at most <see cref="HedgedAttemptGrace"/>.
    /// </summary>
    private static async Task<WiroResendRefusedException> RefusalAsync(WiroCall call, CancellationToken cancellationToken)
    {
        var attempt = call.Attempts;
        if (await call.FirstAnswered.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(HedgedAttemptGrace, cancellationToken).ConfigureAwait(false);
        }

        return new WiroResendRefusedException(
            $"A handler tried to send {call.Operation} again (attempt {attempt}); it was not sent: the call is not idempotent, "
            + $"and a second Run would start and bill a second task. The first attempt got {call.FirstOutcome ?? "no answer"}.");
    }
}
