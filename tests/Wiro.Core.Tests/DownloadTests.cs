using System.Net;
using System.Text;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// Downloads never hang past their stall timeout, resume when cut short or stalled, refuse a body that does not
/// match the output's size, and write a file only once it is whole, never touching the one already there.
/// </summary>
public sealed class DownloadTests
{
    private static readonly byte[] Content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"{i:D4},")));

    [Fact]
    public async Task A_trickling_download_fails_with_a_typed_error_and_keeps_the_file_already_there()
    {
        await using var env = await StartAsync(maxRetries: 0);
        var output = await RedirectTests.FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.TrickleBody(TimeSpan.FromMilliseconds(200), "/files"));
        var path = ExistingFile(out var directory);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => output.DownloadToFileAsync(path, limit.Token));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(error.ReceivedBytes < Content.Length);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_stalled_download_is_resumed_within_the_retries()
    {
        await using var env = await StartAsync(maxRetries: 2);
        var output = await RedirectTests.FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.TrickleBody(TimeSpan.FromMilliseconds(100), "/files"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var destination = new MemoryStream();
        await output.DownloadToStreamAsync(destination, limit.Token);

        Assert.Equal(Content, destination.ToArray());
        Assert.Equal(2, env.Emulator.Requests.Count(r => r.Path.StartsWith("/files/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cut_short_download_is_resumed_and_whole()
    {
        await using var env = await StartAsync(maxRetries: 2);
        var output = await RedirectTests.FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.CutShort(700, "/files"));

        using var destination = new MemoryStream();
        await output.DownloadToStreamAsync(destination);

        Assert.Equal(Content, destination.ToArray());
        Assert.Equal(2, env.Emulator.Requests.Count(r => r.Path.StartsWith("/files/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cut_short_download_past_its_retries_is_a_typed_error_and_keeps_the_file_already_there()
    {
        await using var env = await StartAsync(maxRetries: 0);
        var output = await RedirectTests.FinishedOutputAsync(env);
        env.Emulator.EnqueueFault(WiroFault.CutShort(700, "/files"));
        var path = ExistingFile(out var directory);

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => output.DownloadToFileAsync(path));

        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Equal(700, error.ReceivedBytes);
        Assert.Equal(Content.Length, error.ExpectedBytes);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_successful_download_replaces_the_file_and_leaves_nothing_beside_it()
    {
        await using var env = await StartAsync(maxRetries: 0);
        var output = await RedirectTests.FinishedOutputAsync(env);
        var path = ExistingFile(out var directory);

        await output.DownloadToFileAsync(path);

        Assert.Equal(Content, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_server_that_ignores_the_range_sends_the_whole_body_again_and_the_part_already_written_is_skipped()
    {
        var attempts = 0;
        await using var server = HostileServer.Start(async (request, stream, _) =>
        {
            if (request.Target.StartsWith("/v1/", StringComparison.Ordinal))
            {
                await HostileServer.WriteJsonAsync(stream, TaskWith(request, size: null));
            }
            else if (Interlocked.Increment(ref attempts) == 1)
            {
                // Content-Length promises the whole file; only its first 300 bytes come before the close.
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Content.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(Content.AsMemory(0, 300));
            }
            else
            {
                await HostileServer.WriteAsync(stream, 200, Content, "text/plain");
            }
        });
        using var client = HostileClient(server, maxRetries: 1);
        var output = (await client.GetTaskByIdAsync("1")).Outputs.Single();

        using var destination = new MemoryStream();
        await output.DownloadToStreamAsync(destination);

        Assert.Equal(Content, destination.ToArray());
        var downloads = server.Received.Where(r => r.Target == "/files/0.txt").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Equal("bytes=300-", downloads[1].Headers["range"]);
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(100, true)]
    [InlineData(5000, false)]
    [InlineData(5000, true)]
    public async Task A_body_that_does_not_match_the_output_size_is_a_typed_error(long size, bool chunked)
    {
        await using var server = HostileServer.Start((request, stream, _) => request.Target.StartsWith("/v1/", StringComparison.Ordinal)
            ? HostileServer.WriteJsonAsync(stream, TaskWith(request, size))
            : HostileServer.WriteAsync(stream, 200, Content, "text/plain", chunked));
        using var client = HostileClient(server, maxRetries: 2);
        var output = (await client.GetTaskByIdAsync("1")).Outputs.Single();
        var path = ExistingFile(out var directory);

        var error = await Assert.ThrowsAsync<WiroDownloadException>(() => output.DownloadToFileAsync(path));

        Assert.Equal(size, error.ExpectedBytes);
        Assert.True(error.ReceivedBytes <= size);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory));
        Assert.Single(server.Received, r => r.Target == "/files/0.txt");
        Directory.Delete(directory, recursive: true);
    }

    private static Task<TestEnvironment> StartAsync(int maxRetries) => TestEnvironment.StartAsync(
        emulator: options => options.Outputs = [WiroOutputFile.Create("0.txt", "text/plain", Content)],
        client: options =>
        {
            options.MaxRetries = maxRetries;
            options.DownloadStallTimeout = TimeSpan.FromMilliseconds(500);
            options.MinimumDownloadBytesPerSecond = 1024;
        });

    private static WiroClient HostileClient(HostileServer server, int maxRetries) => new(new WiroClientOptions
    {
        ApiKey = TestEnvironment.Key,
        ApiSecret = TestEnvironment.Secret,
        BaseAddress = new Uri(server.Address, "v1/"),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    });

    /// <summary>A finished task whose one output is served by the same server, at the address the request came to.</summary>
    private static string TaskWith(HostileRequest request, long? size)
        => $$"""{"result":true,"tasklist":[{"id":"1","status":"task_postprocess_end","pexit":"0","outputs":[{"name":"0.txt","contenttype":"text/plain",{{(size is null ? "" : $"\"size\":\"{size}\",")}}"url":"http://{{request.Headers["host"]}}/files/0.txt"}]}]}""";

    private static string ExistingFile(out string directory)
    {
        directory = Path.Combine(Path.GetTempPath(), "wiro-download-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "0.txt");
        File.WriteAllText(path, "precious");
        return path;
    }
}
