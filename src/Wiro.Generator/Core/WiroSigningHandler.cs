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
/// nothing is sent. Requests that are not Wiro API calls (output downloads) pass through unsigned.
/// Use it with <c>new WiroClient(httpClient, options, signedByHandler: true)</c>; the generated <c>AddWiro</c> sets
/// both up.
/// </summary>
public sealed class WiroSigningHandler : DelegatingHandler
{
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
            throw new WiroResendRefusedException(
                $"A handler tried to send {call.Operation} again (attempt {call.Attempts}); it was not sent: the call is not idempotent, "
                + $"and a second Run would start and bill a second task. The first attempt got {call.FirstOutcome ?? "no answer"}.");
        }

        _credentials.Apply(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            call.FirstOutcome ??= "HTTP " + (int)response.StatusCode;
            return response;
        }
        catch (Exception exception)
        {
            call.FirstOutcome ??= exception.GetType().Name;
            throw;
        }
    }
}
