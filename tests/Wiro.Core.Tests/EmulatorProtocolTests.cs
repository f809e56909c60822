using System.Net;
using System.Text;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>The emulator checks auth exactly as Wiro does, seen with a plain HttpClient and hand-made headers.</summary>
public sealed class EmulatorProtocolTests
{
    [Fact]
    public async Task Reused_nonce_is_refused()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "key", ApiSecret = "secret" });
        using var http = new HttpClient();

        var first = await http.SendAsync(SignedDetail(emulator, "1700000000", "c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018"));
        var again = await http.SendAsync(SignedDetail(emulator, "1700000000", "c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // signed right (the task is unknown: a result:false body)
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("Project authorization is not valid.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_signature_headers_get_wiro_message()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "key", ApiSecret = "secret" });
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "Task/Detail"))
        {
            Content = new StringContent("{\"taskid\":\"1\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "key");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-signature and x-nonce headers are required", await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage SignedDetail(WiroEmulator emulator, string nonce, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "Task/Detail"))
        {
            Content = new StringContent("{\"taskid\":\"1\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "key");
        request.Headers.Add("x-nonce", nonce);
        request.Headers.Add("x-signature", signature);
        return request;
    }
}
