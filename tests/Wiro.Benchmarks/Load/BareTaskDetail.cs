using System.Globalization;
using System.Text;

namespace Wiro.Benchmarks.Load;

/// <summary>
/// The least a signed Task/Detail read can be: one POST with the three auth headers, the answer read whole and not
/// parsed. The floor that a confirmed wait is compared with, and the bare reader of the `confirm` probe.
/// </summary>
internal static class BareTaskDetail
{
    public const string Key = "k";
    public const string Secret = "s";

    private static readonly WiroSigner Signer = new(Key, Secret);

    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public static async Task<byte[]> ReadAsync(HttpClient http, Uri baseAddress, string token)
    {
        var nonce = WiroSigner.NextNonce().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "Task/Detail"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"tasktoken":"{{token}}"}""")),
        };
        message.Headers.Add("x-api-key", Key);
        message.Headers.Add("x-nonce", nonce);
        message.Headers.Add("x-signature", Signer.Sign(nonce));
        using var response = await http.SendAsync(message).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }
}
