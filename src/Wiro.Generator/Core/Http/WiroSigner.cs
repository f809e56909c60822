#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

/// <summary>
/// Signs Wiro requests: <c>x-signature</c> is the lowercase hex HMAC-SHA256 of <c>secret + nonce</c> keyed with the
/// API key. Nonces are strictly increasing millisecond values, unique even under concurrent calls.
/// </summary>
public sealed class WiroSigner
{
    private static long s_lastNonce;
    private readonly byte[] _key;
    private readonly byte[] _secret;

    /// <summary>Creates a signer for one project's key and secret.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    public WiroSigner(string apiKey, string apiSecret)
    {
        _key = Encoding.UTF8.GetBytes(apiKey ?? throw new ArgumentNullException(nameof(apiKey)));
        _secret = Encoding.UTF8.GetBytes(apiSecret ?? throw new ArgumentNullException(nameof(apiSecret)));
    }

    /// <summary>A fresh nonce: the current Unix time in milliseconds, or one more than the last one handed out.</summary>
    /// <returns>A decimal nonce never returned before in this process.</returns>
    public static long NextNonce()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref s_lastNonce);
            var next = now > last ? now : last + 1;
            if (Interlocked.CompareExchange(ref s_lastNonce, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>The signature of <paramref name="nonce"/> as lowercase hex.</summary>
    /// <param name="nonce">The nonce sent in <c>x-nonce</c>.</param>
    /// <returns>The value of <c>x-signature</c>.</returns>
    public string Sign(string nonce)
    {
        if (nonce is null)
        {
            throw new ArgumentNullException(nameof(nonce));
        }

        var size = _secret.Length + Encoding.UTF8.GetMaxByteCount(nonce.Length);
        byte[]? rented = null;
        // Secrets and nonces are short, so the message lives on the stack; an unusually long one is rented instead.
        var message = size <= 512 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            _secret.CopyTo(message);
            var length = _secret.Length + Encoding.UTF8.GetBytes(nonce, message.Slice(_secret.Length));
            Span<byte> hash = stackalloc byte[32];
            HMACSHA256.HashData(_key, message.Slice(0, length), hash);
            return ToLowerHex(hash);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer held the secret: clear it before another caller can rent it.
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string ToLowerHex(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digit(bytes[i] >> 4);
            chars[(2 * i) + 1] = Digit(bytes[i] & 0xF);
        }

        return new string(chars);

        static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
