using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wiro.Tool.Tests;

/// <summary>
/// A bare HTTP/1.1 server on a real loopback socket that answers one path with a fixed body (200) and everything
/// else with 404: a site whose answers the tool must not trust.
/// </summary>
internal sealed class PlainServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PlainServer(TcpListener listener, string path, string body, string contentType)
    {
        _listener = listener;
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        _loop = Task.Run(() => ServeAsync(path, body, contentType));
    }

    public Uri Address { get; }

    public static Task<PlainServer> StartAsync(string path, string body, string contentType = "text/html")
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new PlainServer(listener, path, body, contentType));
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping ends the accept loop.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(string path, string body, string contentType)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(_stop.Token) ?? "";
            var length = 0;
            while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header["Content-Length:".Length..].Trim());
                }
            }

            // The body is read (test bodies are ASCII), so closing never resets a connection with unread data.
            if (length > 0)
            {
                await reader.ReadBlockAsync(new char[length], _stop.Token);
            }

            var target = requestLine.Split(' ').ElementAtOrDefault(1);
            var (status, content) = target == path ? ("200 OK", body) : ("404 Not Found", "");
            var bytes = Encoding.UTF8.GetBytes(content);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, _stop.Token);
            await stream.WriteAsync(bytes, _stop.Token);
        }
    }
}
