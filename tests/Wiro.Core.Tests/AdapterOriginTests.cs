#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.
using System.Text;
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>
/// The adapters that read outputs into memory (image data, speech, a transcript) fetch them from wherever Wiro's task
/// points, which a hostile server chooses: another origin, a redirect on to a third, a file: or ftp: URL. The key and
/// signature go to the API alone, whether the client signs or a <see cref="WiroSigningHandler"/> does, and only
/// http(s) is ever read; images asked for as links are handed out, not fetched. Every other server records the
/// headers it received.
/// </summary>
public sealed class AdapterOriginTests
{
    private static readonly byte[] Content = Encoding.ASCII.GetBytes("Output bytes served by another origin.");

    public static TheoryData<string, bool> AdaptersAndSigning => new()
    {
        { DownloadingAdapters.Image, false },
        { DownloadingAdapters.Image, true },
        { DownloadingAdapters.TextToSpeech, false },
        { DownloadingAdapters.TextToSpeech, true },
        { DownloadingAdapters.SpeechToText, false },
        { DownloadingAdapters.SpeechToText, true },
    };

    public static TheoryData<string, int> AdaptersAndRedirects
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var adapter in DownloadingAdapters.All)
            {
                foreach (var status in new[] { 301, 302, 307 })
                {
                    data.Add(adapter, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AdaptersAndSigning))]
    public async Task An_output_on_another_origin_is_read_without_the_key(string adapter, bool signedByHandler)
    {
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, Content, "application/octet-stream"));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString(), Content.Length)}]"));
        using var client = HostileApi.Client(api, signedByHandler: signedByHandler);

        var read = await DownloadingAdapters.ReadAsync(adapter, client);

        Assert.Equal(Content, read);
        Assert.False(HostileApi.CarriesCredentials(Assert.Single(cdn.Received)));
        // The credentials were there to leak: the API got them.
        Assert.True(Assert.Single(api.Received, r => r.Target.StartsWith("/v1/Run/", StringComparison.Ordinal)).HasCredentials);
    }

    [Fact]
    public async Task Images_asked_for_as_links_are_handed_out_and_never_fetched()
    {
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 302, [], headers: ("Location", "file:///etc/passwd")));
        var link = new Uri(cdn.Address, "0.png");
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.png", "image/png", link.ToString())}]"));
        using var client = HostileApi.Client(api);
        using var images = client.Image.AsIImageGenerator();

        var response = await images.GenerateImagesAsync("a koala").WaitAsync(DownloadingAdapters.Bound);

        Assert.Equal(link, Assert.IsType<UriContent>(Assert.Single(response.Contents)).Uri);
        Assert.Equal(0, cdn.Connections);
    }

    [Theory]
    [MemberData(nameof(AdaptersAndRedirects))]
    public async Task A_redirect_to_another_origin_never_gets_the_key(string adapter, int status)
    {
        await using var elsewhere = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, Content, "application/octet-stream"));
        var moved = new Uri(elsewhere.Address, "moved/0.bin");
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, status, [], headers: ("Location", moved.ToString())));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
        using var client = HostileApi.Client(api);

        var read = await DownloadingAdapters.ReadAsync(adapter, client);

        Assert.Equal(Content, read);
        Assert.False(HostileApi.CarriesCredentials(Assert.Single(cdn.Received)));
        var hop = Assert.Single(elsewhere.Received);
        Assert.Equal("/moved/0.bin", hop.Target);
        Assert.False(HostileApi.CarriesCredentials(hop));
    }

    [Theory]
    [MemberData(nameof(AdaptersAndSigning))]
    public async Task A_redirect_from_the_apis_own_origin_to_another_never_gets_the_key(string adapter, bool signedByHandler)
    {
        // The output is on the origin that does get the key, and that origin sends the download on elsewhere.
        await using var elsewhere = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, Content, "application/octet-stream"));
        var moved = new Uri(elsewhere.Address, "moved/0.bin");
        await using var api = HostileApi.Start(
            self => HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(self, "files/0.bin").ToString())}]"),
            (_, stream, _) => HostileServer.WriteAsync(stream, 307, [], headers: ("Location", moved.ToString())));
        using var client = HostileApi.Client(api, signedByHandler: signedByHandler);

        var read = await DownloadingAdapters.ReadAsync(adapter, client);

        Assert.Equal(Content, read);
        Assert.False(HostileApi.CarriesCredentials(Assert.Single(api.Received, r => r.Target == "/files/0.bin")));
        Assert.False(HostileApi.CarriesCredentials(Assert.Single(elsewhere.Received)));
    }

    [Theory]
    [MemberData(nameof(AdaptersAndRedirects))]
    public async Task A_redirect_to_a_file_url_is_refused_and_the_file_never_read(string adapter, int status)
    {
        var secret = Path.Combine(Path.GetTempPath(), "wiro-hostile-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(secret, "a local file no server may read");
        try
        {
            var target = new Uri(secret);
            await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, status, [], headers: ("Location", target.AbsoluteUri)));
            await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
            using var client = HostileApi.Client(api);

            var error = await Assert.ThrowsAsync<WiroRedirectException>(() => DownloadingAdapters.ReadAsync(adapter, client));

            Assert.Equal(target, error.Target);
            Assert.Equal((System.Net.HttpStatusCode)status, error.HttpStatus);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [MemberData(nameof(AdaptersAndRedirects))]
    public async Task A_redirect_to_an_ftp_url_is_refused_and_the_ftp_server_never_reached(string adapter, int status)
    {
        await using var ftp = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, Content));
        var target = new Uri($"ftp://127.0.0.1:{ftp.Address.Port}/0.bin");
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, status, [], headers: ("Location", target.AbsoluteUri)));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
        using var client = HostileApi.Client(api);

        var error = await Assert.ThrowsAsync<WiroRedirectException>(() => DownloadingAdapters.ReadAsync(adapter, client));

        Assert.Equal(target, error.Target);
        Assert.Equal(0, ftp.Connections);
    }

    [Theory]
    [InlineData(DownloadingAdapters.Image)]
    [InlineData(DownloadingAdapters.TextToSpeech)]
    public async Task An_output_url_that_is_not_http_is_never_fetched_and_the_task_made_no_file(string adapter)
    {
        await using var ftp = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, Content));
        var contentType = DownloadingAdapters.ContentType(adapter);
        await using var api = HostileApi.Start(HostileApi.Task(
            $"[{HostileApi.Output("0.bin", contentType, "file:///etc/passwd")},{HostileApi.Output("1.bin", contentType, $"ftp://127.0.0.1:{ftp.Address.Port}/1.bin")}]"));
        using var client = HostileApi.Client(api);

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => DownloadingAdapters.ReadAsync(adapter, client));

        Assert.Contains("without a file", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, ftp.Connections);
        Assert.DoesNotContain(api.Received, r => r.Method == "GET");
    }
}
