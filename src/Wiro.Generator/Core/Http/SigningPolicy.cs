#nullable enable
namespace Wiro;

using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// How Wiro's API calls are signed, wherever that happens: by the client just before it sends (its own
/// <see cref="HttpClient"/>, or a given one), or by <see cref="WiroSigningHandler"/> at the bottom of a handler chain,
/// once per attempt. Both sign here, with one project's key and signer fixed when the policy is made: changing the
/// options later must not pair a new key with an old signer. <see cref="InHandler"/> is the client's policy when the
/// handler signs, so the client never signs twice and never needs to know who does.
/// </summary>
internal sealed class SigningPolicy
{
    /// <summary>How long a refused hedged attempt waits to be cancelled once the first attempt has answered.</summary>
    private static readonly TimeSpan HedgedAttemptGrace = TimeSpan.FromSeconds(10);

    private readonly string? _apiKey;
    private readonly WiroSigner? _signer;

    public SigningPolicy(WiroClientOptions options)
    {
        _apiKey = options.ApiKey;
        _signer = string.IsNullOrEmpty(options.ApiSecret) ? null : new WiroSigner(options.ApiKey, options.ApiSecret!);
    }

    private SigningPolicy()
    {
    }

    /// <summary>The client's policy over an <see cref="HttpClient"/> whose innermost handler is a <see cref="WiroSigningHandler"/>: it signs, with its own policy.</summary>
    public static SigningPolicy InHandler { get; } = new();

    /// <summary>
    /// Sets the auth headers for one attempt (<c>x-api-key</c>, and a fresh nonce and signature when there is a secret),
    /// replacing any an earlier attempt of the same message carried. Nothing under <see cref="InHandler"/>.
    /// </summary>
    public void Sign(HttpRequestMessage message)
    {
        if (_apiKey is null)
        {
            return;
        }

        var headers = message.Headers;
        headers.Remove("x-api-key");
        headers.Remove("x-nonce");
        headers.Remove("x-signature");
        headers.TryAddWithoutValidation("x-api-key", _apiKey);
        if (_signer is not null)
        {
            var nonce = WiroSigner.NextNonce().ToString(CultureInfo.InvariantCulture);
            headers.TryAddWithoutValidation("x-nonce", nonce);
            headers.TryAddWithoutValidation("x-signature", _signer.Sign(nonce));
        }
    }

    /// <summary>
    /// Signs and sends one attempt as the innermost handler, which alone sees every attempt handlers above it make: a
    /// Wiro call (one carrying a <see cref="WiroCall"/>) is signed afresh each time, and one that may go once (a Run,
    /// an upload) is never let out a second time. Anything else (an output download) passes unsigned.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(WiroCall.Key, out var call))
        {
            return await send(request, cancellationToken).ConfigureAwait(false);
        }

        if (!call.TryStartAttempt())
        {
            throw await RefusalAsync(call, cancellationToken).ConfigureAwait(false);
        }

        Sign(request);
        try
        {
            var response = await send(request, cancellationToken).ConfigureAwait(false);
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
