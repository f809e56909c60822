using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wiro.Benchmarks.Client;

/// <summary>The signing a developer writes by hand: HMAC-SHA256 of secret + nonce keyed with the API key, lowercase hex.</summary>
public sealed class HandSigner(string apiKey, string apiSecret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(apiKey);

    public string ApiKey { get; } = apiKey;

    public void AddHeaders(HttpRequestMessage request)
    {
        var nonce = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(apiSecret + nonce)));
        request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
        request.Headers.TryAddWithoutValidation("x-nonce", nonce);
        request.Headers.TryAddWithoutValidation("x-signature", signature);
    }
}
