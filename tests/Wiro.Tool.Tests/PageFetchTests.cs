using System.Text;

namespace Wiro.Tool.Tests;

/// <summary>
/// How <c>wiro add</c> and <c>wiro update</c> fetch pages from a source they must not trust, over real sockets on
/// 127.0.0.1: the client core's download rules (http(s) only, never https to http, a hop limit, a stall rule, a
/// size cap) and one line with exit code 4 (or 3) for each way a fetch fails.
/// </summary>
public sealed class PageFetchTests
{
    /// <summary>A short answer timeout, so the stall window (a third of it) and the page deadline (twice it) are short too.</summary>
    private static readonly Dictionary<string, string> ShortTimeouts = new() { ["WIRO_TOOL_TIMEOUT_SECONDS"] = "3" };

    /// <summary>Far above what these tests take on a busy machine; only a hang reaches it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_page_that_trickles_a_byte_every_half_second_ends_with_exit_code_4_in_bounded_time()
    {
        using var workspace = new Workspace();
        await using var source = ScriptedServer.Start(async (_, stream, cancellationToken) =>
        {
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n", cancellationToken);
            while (true)
            {
                await Task.Delay(500, cancellationToken);
                await stream.WriteAsync("#"u8.ToArray(), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        });
        using var bound = new CancellationTokenSource(Bound);

        var result = await WiroCli.RunAsync(ShortTimeouts, bound.Token, "add", "acme/x", "--out", workspace.Folder("specs"), "--source", source.Address.AbsoluteUri);

        Assert.False(bound.IsCancellationRequested, $"wiro add was still running after {Bound.TotalSeconds} s: {result}");
        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("wiro: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(workspace.Root, "specs")));
    }

    [Fact]
    public async Task A_page_that_keeps_moving_but_never_ends_stops_at_the_page_deadline_with_exit_code_4()
    {
        using var workspace = new Workspace();
        // Fast enough for the stall rule (8 KiB a second against its 1 KiB), too slow to reach the 4 MiB cap soon.
        await using var source = ScriptedServer.Start(async (_, stream, cancellationToken) =>
        {
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n", cancellationToken);
            var chunk = Encoding.ASCII.GetBytes(new string('#', 800));
            while (true)
            {
                await Task.Delay(100, cancellationToken);
                await stream.WriteAsync(chunk, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        });
        using var bound = new CancellationTokenSource(Bound);

        var result = await WiroCli.RunAsync(ShortTimeouts, bound.Token, "add", "acme/x", "--out", workspace.Root, "--source", source.Address.AbsoluteUri);

        Assert.False(bound.IsCancellationRequested, $"wiro add was still running after {Bound.TotalSeconds} s: {result}");
        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Single(result.ErrorLines);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("update")]
    public async Task A_redirect_to_a_file_url_is_exit_code_4_in_one_line_with_no_stack_trace(string command)
    {
        using var workspace = new Workspace();
        var specs = workspace.Folder("specs");
        File.Copy(Workspace.RobotSpec, Path.Combine(specs, "acme__Robot v4.0.wiro.md"));
        await using var source = ScriptedServer.Answering("HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd");
        string[] args = command == "add"
            ? ["add", "acme/x", "--out", specs, "--source", source.Address.AbsoluteUri]
            : ["update", specs, "--source", source.Address.AbsoluteUri];

        var result = await WiroCli.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("wiro: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("file:///etc/passwd", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_and_the_http_address_gets_nothing()
    {
        using var workspace = new Workspace();
        using var certificate = TestCertificate.Create(workspace.Root);
        await using var plain = ScriptedServer.Serving("200 OK", "text/plain", await File.ReadAllTextAsync(Workspace.RobotSpec));
        await using var secure = ScriptedServer.Answering($"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{plain.Address.Port}/models/acme/x/llms.txt", certificate.Certificate);

        // A process, since the roots a process trusts are read once (SSL_CERT_FILE): this one trusts the test's certificate.
        var result = await WiroProcess.RunAsync(
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = certificate.PemPath },
            TimeSpan.FromMinutes(2),
            "add", "acme/x", "--out", workspace.Folder("specs"), "--source", secure.Address.AbsoluteUri);

        // The https source was reached (the certificate was trusted), its redirect was not followed.
        Assert.Equal("/models/acme/x/llms.txt", Assert.Single(secure.Requests).Target);
        Assert.Equal(0, plain.Accepted);
        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.Contains("https to http", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(workspace.Root, "specs")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_larger_than_4_MiB_is_refused_as_no_spec_page_in_one_line(bool declaresLength)
    {
        using var workspace = new Workspace();
        const int size = (4 * 1024 * 1024) + 1;
        await using var source = ScriptedServer.Start(async (_, stream, cancellationToken) =>
        {
            var length = declaresLength ? $"Content-Length: {size}\r\n" : "";
            await ScriptedServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n{length}Connection: close\r\n\r\n", cancellationToken);
            var chunk = Encoding.ASCII.GetBytes(new string('#', 64 * 1024));
            for (var sent = 0; sent < size; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, size - sent)), cancellationToken);
            }
        });

        var result = await WiroCli.RunAsync("add", "acme/x", "--out", workspace.Root, "--source", source.Address.AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.UnknownTool, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.Contains("larger than 4 MB", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(workspace.Root));
    }
}
