using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>Checks Wiro's auth headers as the real API does, and refuses a nonce seen before.</summary>
internal sealed class Authenticator(WiroEmulatorOptions options)
{
    public const string NotValid = "Project authorization is not valid.";
    public const string SignatureRequired = "Project requires signature authentication. x-signature and x-nonce headers are required.";

    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go on; otherwise the message of the 401 answer.</summary>
    public string? Check(IHeaderDictionary headers)
    {
        if (!FixedEquals(headers["x-api-key"].ToString(), options.ApiKey))
        {
            return NotValid;
        }

        if (options.AuthMode == WiroAuthMode.ApiKeyOnly)
        {
            return null;
        }

        var nonce = headers["x-nonce"].ToString();
        var signature = headers["x-signature"].ToString();
        if (nonce.Length == 0 || signature.Length == 0)
        {
            return SignatureRequired;
        }

        if (!FixedEquals(signature, Sign(options.ApiKey, options.ApiSecret ?? "", nonce)))
        {
            return NotValid;
        }

        // Only a correctly signed nonce is remembered, so a bad request cannot burn a nonce for a good one.
        lock (_nonces)
        {
            return _nonces.Add(nonce) ? null : NotValid;
        }
    }

    /// <summary>Lowercase hex HMAC-SHA256 keyed with the API key over secret + nonce.</summary>
    public static string Sign(string apiKey, string apiSecret, string nonce)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(apiSecret + nonce)));

    /// <summary>Constant-time for equal lengths; a length mismatch is no secret worth hiding.</summary>
    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
