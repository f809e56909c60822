using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Wiro.Tool.Tests;

/// <summary>One request as a <see cref="ScriptedServer"/> read it: the request line and the raw header lines.</summary>
internal sealed record ScriptedRequest(string RequestLine, IReadOnlyList<string> Headers)
{
    public string Target => RequestLine.Split(' ').ElementAtOrDefault(1) ?? "";

    public bool HasHeader(string name) => Headers.Any(header => header.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A raw HTTP/1.1 server on a real loopback socket (plain, or TLS with a given certificate) that answers each
/// request with whatever its script writes to the connection: redirects anywhere, bodies that trickle, bodies too
/// large. It counts every connection it accepts, so a test can say that nothing at all reached it.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ScriptedRequest, Stream, CancellationToken, Task> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly List<ScriptedRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Task _loop;
    private int _accepted;

    private ScriptedServer(Func<ScriptedRequest, Stream, CancellationToken, Task> answer, X509Certificate2? certificate)
    {
        _answer = answer;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address { get; }

    /// <summary>Connections accepted, whether or not a request came on them.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public IReadOnlyList<ScriptedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static ScriptedServer Start(Func<ScriptedRequest, Stream, CancellationToken, Task> answer, X509Certificate2? certificate = null)
        => new(answer, certificate);

    /// <summary>A server that answers every request with <paramref name="head"/> (status line and headers, CRLF-separated) and an empty body.</summary>
    public static ScriptedServer Answering(string head, X509Certificate2? certificate = null)
        => Start((_, stream, cancellationToken) => WriteAsync(stream, head + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken), certificate);

    /// <summary>A server that answers every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static ScriptedServer Serving(string status, string contentType, string body)
        => Start((_, stream, cancellationToken) => WriteAsync(stream,
            $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", cancellationToken));

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] all;
        lock (_connections)
        {
            all = [_loop, .. _connections];
        }

        try
        {
            await Task.WhenAll(all);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopping ends the accept loop and any answer still being written.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }

                await using (stream)
                {
                    var request = await ReadRequestAsync(stream, _stop.Token);
                    if (request is null)
                    {
                        return;
                    }

                    lock (_requests)
                    {
                        _requests.Add(request);
                    }

                    await _answer(request, stream, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException
                                              or System.Security.Authentication.AuthenticationException)
            {
                // The client went away (it gave up on a trickle, or refused the certificate), or the test ended.
            }
        }
    }

    /// <summary>Reads the request line, the headers and a Content-Length body, byte by byte (requests are small).</summary>
    private static async Task<ScriptedRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(stream, cancellationToken);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var headers = new List<string>();
        var length = 0;
        while (await ReadLineAsync(stream, cancellationToken) is { Length: > 0 } header)
        {
            headers.Add(header);
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // The body is read, so closing never resets a connection with unread data.
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new ScriptedRequest(requestLine, headers);
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
