using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// A raw HTTP server on 127.0.0.1 (plain, or TLS with a throwaway certificate) that answers each request with the
/// bytes its script writes, as a broken or hostile server would, beyond what the emulator plays. It records every
/// connection and every request it read (headers and body), so a test can tell what reached it. One request per
/// connection: the script answers, then the connection closes.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HostileRequest, Stream, CancellationToken, Task> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HostileRequest> _received = [];
    private readonly Task _accepting;
    private int _connections;

    private HostileServer(Func<HostileRequest, Stream, CancellationToken, Task> answer, X509Certificate2? certificate)
    {
        _answer = answer;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Connections accepted, whether or not a request arrived on them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<HostileRequest> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public static HostileServer Start(Func<HostileRequest, Stream, CancellationToken, Task> answer) => new(answer, null);

    /// <summary>The same over TLS; the client must accept the self-signed certificate.</summary>
    public static HostileServer StartTls(Func<HostileRequest, Stream, CancellationToken, Task> answer) => new(answer, CreateCertificate());

    /// <summary>A whole answer: status line, headers (Content-Length unless <paramref name="chunked"/>), body.</summary>
    public static async Task WriteAsync(Stream stream, int status, byte[] body, string? contentType = null, bool chunked = false, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Hostile\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        if (chunked)
        {
            if (body.Length > 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"));
                await stream.WriteAsync(body);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        else
        {
            await stream.WriteAsync(body);
        }

        await stream.FlushAsync();
    }

    public static Task WriteJsonAsync(Stream stream, string json) => WriteAsync(stream, 200, Encoding.UTF8.GetBytes(json), "application/json");

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _certificate?.Dispose();
        _stop.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
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
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }

                await using (stream)
                {
                    var request = await HostileRequest.ReadAsync(stream, _stop.Token);
                    if (request is null)
                    {
                        return;
                    }

                    lock (_received)
                    {
                        _received.Add(request);
                    }

                    await _answer(request, stream, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException
                                              or System.Security.Authentication.AuthenticationException)
            {
                // The client went away, or the test is over.
            }
        }
    }
}

/// <summary>One request as the hostile server read it; header names in lower case.</summary>
internal sealed record HostileRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool HasCredentials => Headers.ContainsKey("x-api-key") || Headers.ContainsKey("x-nonce") || Headers.ContainsKey("x-signature");

    public static async Task<HostileRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count > 64 * 1024 || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = headers.TryGetValue("content-length", out var length) ? new byte[int.Parse(length)] : [];
        await stream.ReadExactlyAsync(body, cancellationToken);
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream, cancellationToken);
        }

        return new HostileRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head)
        => head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(stream, cancellationToken);
            var size = Convert.ToInt32(sizeLine.Split(';')[0], 16);
            if (size == 0)
            {
                await ReadLineAsync(stream, cancellationToken);
                return body.ToArray();
            }

            var chunk = new byte[size];
            await stream.ReadExactlyAsync(chunk, cancellationToken);
            body.Write(chunk);
            await ReadLineAsync(stream, cancellationToken);
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) > 0 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }
}
