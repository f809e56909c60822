using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// What an adapter reads into memory is bounded whatever the output's server does: a body longer than Wiro's
/// <c>size</c> stops at that size, one without a size stops at the adapter's <c>MaxDataBytes</c>, a declared size over
/// it is never fetched, and a body that stalls ends by the stall rule or the caller's token. Each ends as a typed Wiro
/// exception (or the caller's cancellation), never a hang: every server here would go on forever.
/// </summary>
public sealed class AdapterDownloadBudgetTests
{
    private const int Budget = 64 * 1024;

    private static readonly byte[] Chunk = Encoding.ASCII.GetBytes(new string('x', 8192));

    public static TheoryData<string, bool> AdaptersAndFraming
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var adapter in DownloadingAdapters.All)
            {
                data.Add(adapter, false);
                data.Add(adapter, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AdaptersAndFraming))]
    public async Task A_body_longer_than_the_declared_size_is_a_typed_error_and_read_no_further(string adapter, bool chunked)
    {
        await using var cdn = HostileServer.Start((_, stream, token) => EndlessAsync(stream, chunked ? null : 10L * Budget, token));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString(), size: 100)}]"));
        using var client = HostileApi.Client(api, options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => DownloadingAdapters.ReadAsync(adapter, client, Budget));

        Assert.Equal(100, error.ExpectedBytes);
        Assert.True(error.ReceivedBytes <= 100, $"{error.ReceivedBytes} bytes kept of a 100-byte output");
        // A server that lies about the size is not asked again.
        Assert.Single(cdn.Received);
    }

    [Theory]
    [MemberData(nameof(AdaptersAndFraming))]
    public async Task An_endless_body_without_a_size_stops_at_the_budget(string adapter, bool announced)
    {
        // Announced: a Content-Length far past the budget, then bytes that never end; else chunked, never ending.
        await using var cdn = HostileServer.Start((_, stream, token) => EndlessAsync(stream, announced ? 1L << 40 : null, token));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
        using var client = HostileApi.Client(api, options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => DownloadingAdapters.ReadAsync(adapter, client, Budget));

        Assert.Equal(Budget, error.MaxBytes);
        Assert.Contains("MaxDataBytes", error.Message, StringComparison.Ordinal);
        // An announced length past the budget is refused at the headers, and says so; an endless chunked body once it passes.
        Assert.Equal(announced ? 1L << 40 : null, error.ContentLength);
        Assert.Contains(announced ? "announces 1099511627776 bytes" : "dropped once it passed the cap", error.Message, StringComparison.Ordinal);
        Assert.Single(cdn.Received);
    }

    [Theory]
    [MemberData(nameof(AdaptersAndFraming))]
    public async Task A_declared_size_over_the_budget_is_refused_before_the_output_is_fetched(string adapter, bool huge)
    {
        await using var cdn = HostileServer.Start((_, stream, token) => EndlessAsync(stream, null, token));
        var size = huge ? 1L << 40 : Budget + 1L;
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString(), size)}]"));
        using var client = HostileApi.Client(api);

        var error = await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => DownloadingAdapters.ReadAsync(adapter, client, Budget));

        Assert.Equal((Budget, size), (error.MaxBytes, error.ContentLength));
        Assert.Equal(0, cdn.Connections);
    }

    [Theory]
    [MemberData(nameof(AdaptersAndFraming))]
    public async Task A_download_that_stalls_after_its_headers_ends_by_the_stall_rule(string adapter, bool retried)
    {
        await using var cdn = HostileServer.Start((_, stream, token) => StallAsync(stream, token));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString(), size: 1000)}]"));
        using var client = HostileApi.Client(api, options =>
        {
            options.MaxRetries = retried ? 1 : 0;
            options.DownloadStallTimeout = TimeSpan.FromMilliseconds(100);
        });

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => DownloadingAdapters.ReadAsync(adapter, client, Budget));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(10, error.ReceivedBytes);
        // Each attempt resumes where the last one stopped, and the retries are bounded.
        Assert.Equal(retried ? ["", "bytes=10-"] : [""], cdn.Received.Select(r => r.Headers.GetValueOrDefault("range", "")));
    }

    [Theory]
    [InlineData(DownloadingAdapters.Image)]
    [InlineData(DownloadingAdapters.TextToSpeech)]
    [InlineData(DownloadingAdapters.SpeechToText)]
    public async Task A_stalled_download_ends_when_the_caller_cancels(string adapter)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cdn = HostileServer.Start((_, stream, token) =>
        {
            reached.TrySetResult();
            return StallAsync(stream, token);
        });
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString(), size: 1000)}]"));
        // Only the caller can end this one: the stall rule is far away.
        using var client = HostileApi.Client(api, options => options.DownloadStallTimeout = TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();

        var reading = DownloadingAdapters.ReadAsync(adapter, client, Budget, cancel.Token);
        await reached.Task.WaitAsync(DownloadingAdapters.Bound);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Theory]
    [InlineData(DownloadingAdapters.Image)]
    [InlineData(DownloadingAdapters.TextToSpeech)]
    [InlineData(DownloadingAdapters.SpeechToText)]
    public async Task A_server_that_never_answers_the_download_ends_at_the_timeout_as_a_typed_error(string adapter)
    {
        // The request is read, and no status line ever comes. Two seconds, not less: the same bound holds the Run and
        // Task/Detail calls to the local API, which must not meet it on a busy machine.
        await using var cdn = HostileServer.Start((_, _, token) => Task.Delay(Timeout.Infinite, token));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.bin", DownloadingAdapters.ContentType(adapter), new Uri(cdn.Address, "0.bin").ToString())}]"));
        using var client = HostileApi.Client(api, options => options.Timeout = TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => DownloadingAdapters.ReadAsync(adapter, client, Budget));

        Assert.Equal(0, error.ReceivedBytes);
        Assert.Single(cdn.Received);
    }

    /// <summary>Headers (with <paramref name="contentLength"/>, else chunked), then bytes until the client leaves.</summary>
    private static async Task EndlessAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        var framing = contentLength is { } length ? $"Content-Length: {length}" : "Transfer-Encoding: chunked";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n{framing}\r\n\r\n"), cancellationToken);
        var chunk = contentLength is null ? [.. Encoding.ASCII.GetBytes($"{Chunk.Length:x}\r\n"), .. Chunk, .. "\r\n"u8] : Chunk;
        while (true)
        {
            await stream.WriteAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Headers announcing 1000 bytes, ten of them, then nothing until the client leaves.</summary>
    private static async Task StallAsync(Stream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n0123456789"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        var one = new byte[1];
        // Until the client closes its side (a read of 0) or the test ends.
        while (await stream.ReadAsync(one, cancellationToken) > 0)
        {
        }
    }
}
