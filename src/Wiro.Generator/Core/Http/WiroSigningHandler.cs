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
    // The same signing the client does when it signs itself; only the handler sees every attempt, so only it guards resends.
    private readonly SigningPolicy _signing;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    /// <param name="options">The project's key and secret, captured now.</param>
    public WiroSigningHandler(WiroClientOptions options)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _signing = new SigningPolicy(options);
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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _signing.SendAsync(request, (message, token) => base.SendAsync(message, token), cancellationToken);
}
