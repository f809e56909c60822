using System.Net;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// Signed headers and bodies go to the configured API origin only: a redirect on any signed call is refused, and a
/// second real server, the other origin, must receive nothing. Downloads carry no credentials and follow redirects,
/// but only to http(s) and never from https to http.
/// </summary>
public sealed class RedirectTests
{
    private const string TaskAnswer = """{"result":true,"errors":[],"tasklist":[{"id":"1","socketaccesstoken":"t","status":"task_postprocess_end","pexit":"0","outputs":[]}]}""";

    [Theory]
    [InlineData("/Run", 307)]
    [InlineData("/Run", 302)]
    [InlineData("/Task/Detail", 302)]
    [InlineData("/Task/Detail", 307)]
    [InlineData("/Task/Cancel", 308)]
    [InlineData("/Task/Kill", 301)]
    [InlineData("/File/Upload", 307)]
    public async Task A_signed_call_refuses_a_redirect_and_the_other_origin_receives_nothing(string endpoint, int status)
    {
        await using var otherOrigin = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(stream, TaskAnswer));
        await using var env = await TestEnvironment.StartAsync();
        var target = new Uri(otherOrigin.Address, "v1/collect");
        env.Emulator.EnqueueFault(WiroFault.Redirect(target, status, endpoint));

        var error = await Assert.ThrowsAsync<WiroRedirectException>(() => CallAsync(env.Client, endpoint));

        Assert.Equal((HttpStatusCode)status, error.HttpStatus);
        Assert.Equal(target, error.Target);
        Assert.Contains(target.ToString(), error.Message);
        Assert.Equal(0, otherOrigin.Connections);
        Assert.Empty(otherOrigin.Received);
        Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1" + endpoint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_given_HttpClient_that_follows_a_redirect_has_the_foreign_answer_refused()
    {
        await using var otherOrigin = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(stream, TaskAnswer));
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = TestEnvironment.Key, ApiSecret = TestEnvironment.Secret });
        using var following = new HttpClient(); // the default handler follows redirects, which is why the README warns against it
        using var client = new WiroClient(following, TestEnvironment.Options(emulator));
        var target = new Uri(otherOrigin.Address, "v1/collect");
        emulator.EnqueueFault(WiroFault.Redirect(target, 307, "/Task/Detail"));

        var error = await Assert.ThrowsAsync<WiroRedirectException>(() => client.GetTaskByIdAsync("1"));

        // The handler went there before the client saw anything: the answer is refused, though the request left.
        Assert.Equal(target, error.Target);
        Assert.Contains("AllowAutoRedirect", error.Message);
        Assert.True(Assert.Single(otherOrigin.Received).HasCredentials);
    }

    [Fact]
    public async Task A_download_follows_a_redirect_to_another_server_and_sends_it_no_credentials()
    {
        var content = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, content, "application/octet-stream"));
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.Outputs = [WiroOutputFile.Create("0.png", "image/png", content)]);
        var output = await FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.Redirect(new Uri(cdn.Address, "moved/0.png"), 302, "/files"));

        using var destination = new MemoryStream();
        await output.DownloadToStreamAsync(destination);

        Assert.Equal(content, destination.ToArray());
        var hop = Assert.Single(cdn.Received);
        Assert.Equal("/moved/0.png", hop.Target);
        Assert.False(hop.HasCredentials);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/0.png")]
    public async Task A_download_refuses_a_redirect_to_a_scheme_other_than_http(string target)
    {
        await using var env = await TestEnvironment.StartAsync();
        var output = await FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.Redirect(new Uri(target), 302, "/files"));

        using var destination = new MemoryStream();
        var error = await Assert.ThrowsAsync<WiroRedirectException>(() => output.DownloadToStreamAsync(destination));

        Assert.Equal(new Uri(target), error.Target);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_download_stops_after_a_bounded_number_of_redirects()
    {
        HostileServer? loop = null;
        loop = HostileServer.Start((request, stream, _) => HostileServer.WriteAsync(stream, 302, [], headers: ("Location", new Uri(loop!.Address, "again").ToString())));
        await using (loop)
        {
            await using var env = await TestEnvironment.StartAsync();
            var output = await FinishedOutputAsync(env);
            env.Emulator.EnqueueFault(WiroFault.Redirect(new Uri(loop.Address, "again"), 302, "/files"));

            var error = await Assert.ThrowsAsync<WiroRedirectException>(() => output.DownloadToStreamAsync(Stream.Null));

            Assert.Contains("redirects", error.Message);
            Assert.Equal(OutputDownloader.MaxRedirects, loop.Received.Count);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_download_refuses_a_redirect_from_https_to_http(bool handlerFollowsRedirects)
    {
        await using var plain = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, [1, 2, 3], "application/octet-stream"));
        var downgrade = new Uri(plain.Address, "0.png");
        HostileServer? api = null;
        api = HostileServer.StartTls((request, stream, _) => request.Target.StartsWith("/v1/", StringComparison.Ordinal)
            ? HostileServer.WriteJsonAsync(stream, $$"""{"result":true,"tasklist":[{"id":"1","status":"task_postprocess_end","pexit":"0","outputs":[{"name":"0.png","contenttype":"image/png","url":"{{new Uri(api!.Address, "files/0.png")}}"}]}]}""")
            : HostileServer.WriteAsync(stream, 302, [], headers: ("Location", downgrade.ToString())));
        await using (api)
        {
            using var handler = new HttpClientHandler
            {
                AllowAutoRedirect = handlerFollowsRedirects,
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            };
            using var http = new HttpClient(handler);
            using var client = new WiroClient(http, new WiroClientOptions { ApiKey = TestEnvironment.Key, ApiSecret = TestEnvironment.Secret, BaseAddress = new Uri(api.Address, "v1/") });
            var output = (await client.GetTaskByIdAsync("1")).Outputs.Single();

            var error = await Assert.ThrowsAsync<WiroRedirectException>(() => output.DownloadToStreamAsync(Stream.Null));

            Assert.Equal(downgrade, error.Target);
            Assert.Equal(0, plain.Connections);
        }
    }

    private static Task CallAsync(WiroClient client, string endpoint) => endpoint switch
    {
        "/Run" => client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest { Prompt = "the user's private prompt" }),
        "/Task/Detail" => client.GetTaskByIdAsync("1"),
        "/Task/Cancel" => client.CancelTaskAsync("1"),
        "/Task/Kill" => client.KillTaskAsync("1"),
        "/File/Upload" => client.UploadFileAsync(WiroFile.FromBytes(new byte[] { 1, 2, 3 }, "private.bin")),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    internal static async Task<WiroOutput> FinishedOutputAsync(TestEnvironment env)
    {
        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Outputs.Single();
    }
}
