using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// An output server that does not speak HTTP properly (a status line that is none, headers that never end, broken
/// chunk framing, an error status, a redirect to nowhere, a range nobody asked for) ends an adapter's read as a typed
/// Wiro exception: never an <see cref="HttpRequestException"/> or an <see cref="IOException"/> from the transport.
/// </summary>
public sealed class AdapterBrokenDownloadTests
{
    public static TheoryData<string, string, string, Type> BrokenAnswers
    {
        get
        {
            (string Name, string Answer, Type Error)[] answers =
            [
                ("no status line", "NOT HTTP AT ALL\r\n\r\n", typeof(WiroDownloadException)),
                ("headers that never end", "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Repeat("X-Pad: " + new string('a', 1000) + "\r\n", 200)), typeof(WiroDownloadException)),
                ("a chunk size that is not hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", typeof(WiroDownloadException)),
                ("a chunk longer than it says", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcdef\r\n0\r\n\r\n", typeof(WiroDownloadException)),
                ("not found", "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found", typeof(WiroDownloadException)),
                ("a server error", "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", typeof(WiroDownloadException)),
                ("a redirect without a location", "HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n", typeof(WiroRedirectException)),
                ("a range nobody asked for", "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-7/8\r\nContent-Length: 3\r\n\r\nabc", typeof(WiroDownloadException)),
                ("a range without its header", "HTTP/1.1 206 Partial Content\r\nContent-Length: 3\r\n\r\nabc", typeof(WiroDownloadException)),
            ];
            var data = new TheoryData<string, string, string, Type>();
            foreach (var adapter in DownloadingAdapters.All)
            {
                foreach (var (name, answer, error) in answers)
                {
                    data.Add(adapter, name, answer, error);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BrokenAnswers))]
    public async Task An_output_server_that_breaks_http_is_a_typed_error(string adapter, string brokenBy, string answer, Type expected)
    {
        await using var cdn = HostileServer.Start(async (_, stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), token);
            await stream.FlushAsync(token);
        });
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
        using var client = HostileApi.Client(api);

        var error = await Assert.ThrowsAnyAsync<WiroApiException>(() => DownloadingAdapters.ReadAsync(adapter, client));

        Assert.True(error.GetType() == expected, $"{brokenBy}: {error.GetType().Name}: {error.Message}");
    }
}
