#nullable enable
namespace Wiro;

using System;
using System.Globalization;
using System.Net.Http;

/// <summary>
/// One project's key and signer, fixed when created: changing the options later must not pair a new key with an
/// old signer. Shared by the client (signing itself) and <see cref="WiroSigningHandler"/> (signing per attempt).
/// </summary>
internal sealed class WiroCredentials
{
    private readonly string _apiKey;
    private readonly WiroSigner? _signer;

    public WiroCredentials(WiroClientOptions options)
    {
        _apiKey = options.ApiKey;
        _signer = string.IsNullOrEmpty(options.ApiSecret) ? null : new WiroSigner(options.ApiKey, options.ApiSecret!);
    }

    /// <summary>Sets the auth headers, replacing any an earlier attempt of the same message carried.</summary>
    public void Apply(HttpRequestMessage message)
    {
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
}
