using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;

namespace Wiro.Emulator.Tests;

/// <summary>The transport faults as a client sees them on the wire: redirects, sizes, pacing and cut-off bodies.</summary>
public sealed class TransportFaultTests
{
    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_answers_its_status_and_location_with_no_body(int status)
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.Redirect(new Uri("http://127.0.0.1:9/elsewhere"), status, "/Task/Detail"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.SendAsync(env.Api.Request("Task/Detail", WiroApi.Json("{}")));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(new Uri("http://127.0.0.1:9/elsewhere"), response.Headers.Location);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_answer_is_json_of_exactly_the_size_asked(bool declareLength)
    {
        const long size = 3 * 1024 * 1024 + 17;
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.OversizedAnswer(size, declareLength, "/Task/Detail"));

        using var response = await env.Api.Http.SendAsync(env.Api.Request("Task/Detail", WiroApi.Json("{}")), HttpCompletionOption.ResponseHeadersRead);
        var declared = response.Content.Headers.ContentLength;
        var chunked = response.Headers.TransferEncodingChunked;
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(declareLength ? size : null, declared);
        Assert.Equal(!declareLength, chunked == true);
        Assert.Equal(size, body.Length);
        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(size - 56, document.RootElement.GetProperty("tasklist")[0].GetProperty("debugoutput").GetString()!.Length);
    }

    [Fact]
    public async Task An_endless_websocket_message_never_sets_fin_and_then_stays_silent()
    {
        const int size = 1024 * 1024;
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.EndlessWebSocketMessage(size));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(env.Emulator.WebSocketAddress, timeout.Token);
        await socket.SendAsync("""{"type":"task_info","tasktoken":"any"}"""u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);

        var buffer = new byte[64 * 1024];
        long received = 0;
        var first = "";
        while (received < size)
        {
            var frame = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            Assert.False(frame.EndOfMessage);
            Assert.Equal(WebSocketMessageType.Text, frame.MessageType);
            first = received == 0 ? Encoding.UTF8.GetString(buffer, 0, 20) : first;
            received += frame.Count;
        }

        Assert.Equal(size, received);
        Assert.StartsWith("""{"type":"task_output""", first);
        var next = socket.ReceiveAsync(buffer.AsMemory(), timeout.Token).AsTask();
        Assert.False(next.IsCompleted);
        socket.Abort();
    }

    [Fact]
    public async Task A_trickling_body_arrives_whole_a_byte_at_a_time()
    {
        await using var env = await Emulated.StartAsync();
        var url = await FinishedOutputAsync(env);
        var whole = await env.Api.Http.GetByteArrayAsync(url);
        env.Emulator.EnqueueFault(WiroFault.TrickleBody(TimeSpan.FromMilliseconds(20), "/files"));

        using var response = await env.Api.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var trickled = new MemoryStream();
        var reads = 0;
        var buffer = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            reads++;
            trickled.Write(buffer, 0, read);
        }

        Assert.Equal(whole, trickled.ToArray());
        Assert.True(reads > whole.Length / 4, $"{reads} reads for {whole.Length} bytes: the body was not paced");
    }

    [Fact]
    public async Task A_cut_short_body_sends_its_first_bytes_then_closes_and_the_next_request_gets_it_whole()
    {
        await using var env = await Emulated.StartAsync();
        var url = await FinishedOutputAsync(env);
        var whole = await env.Api.Http.GetByteArrayAsync(url);
        env.Emulator.EnqueueFault(WiroFault.CutShort(20, "/files"));

        using var response = await env.Api.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var partial = new MemoryStream();
        var buffer = new byte[4096];
        var error = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                partial.Write(buffer, 0, read);
            }
        });

        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        Assert.Equal(whole[..20], partial.ToArray());
        Assert.Equal(whole, await env.Api.Http.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task Files_are_served_with_range_support()
    {
        await using var env = await Emulated.StartAsync();
        var url = await FinishedOutputAsync(env);
        var whole = await env.Api.Http.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(10, null) } };

        using var response = await env.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(10, response.Content.Headers.ContentRange!.From);
        Assert.Equal(whole[10..], await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<Uri> FinishedOutputAsync(Emulated env)
    {
        var taskId = await env.Api.RunAsync();
        env.Advance(20);
        return new Uri(env.Emulator.BaseAddress, $"/files/{taskId}/0.png");
    }
}
