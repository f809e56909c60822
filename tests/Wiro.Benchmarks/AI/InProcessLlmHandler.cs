using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Wiro.Benchmarks.Client;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// Answers an LLM task without a network: Run and Task/Detail as <see cref="InProcessWiroHandler"/> does (the whole
/// request body read, the signature headers required), and a WebSocket opening handshake (a GET with
/// <c>Upgrade: websocket</c>, sent through <c>ClientWebSocket.ConnectAsync</c>'s invoker) with <c>101 Switching
/// Protocols</c> and a connection whose reads return <see cref="LlmStream.Wire"/>: the frames a server writes, read by
/// the same <c>ClientWebSocket</c> code a real connection feeds. What the client writes (its subscription, its close)
/// is dropped.
/// </summary>
public sealed class InProcessLlmHandler(LlmStream stream) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private int _handshakes;
    private int _details;

    /// <summary>WebSocket handshakes answered so far.</summary>
    public int Handshakes => _handshakes;

    /// <summary>Task/Detail reads answered so far.</summary>
    public int Details => _details;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Upgrade.Any(upgrade => string.Equals(upgrade.Name, "websocket", StringComparison.OrdinalIgnoreCase)))
        {
            Interlocked.Increment(ref _handshakes);
            return Handshake(request);
        }

        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        if (!request.Headers.Contains("x-api-key") || !request.Headers.Contains("x-nonce") || !request.Headers.Contains("x-signature"))
        {
            throw new InvalidOperationException("Unsigned request to " + request.RequestUri);
        }

        var path = request.RequestUri!.AbsolutePath;
        byte[] body;
        if (path.EndsWith("/Task/Detail", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _details);
            body = stream.TaskDetail;
        }
        else
        {
            body = path.Contains("/Run/", StringComparison.Ordinal) ? WiroAnswers.Run : throw new InvalidOperationException("No canned answer for " + path);
        }

        var answer = new ByteArrayContent(body);
        answer.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }

    private HttpResponseMessage Handshake(HttpRequestMessage request)
    {
        var key = request.Headers.GetValues("Sec-WebSocket-Key").Single();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var response = new HttpResponseMessage(HttpStatusCode.SwitchingProtocols)
        {
            Content = new ConnectionContent(new WireConnection(stream.Wire)),
            RequestMessage = request,
        };
        response.Headers.Connection.Add("Upgrade");
        response.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        response.Headers.TryAddWithoutValidation("Sec-WebSocket-Accept", accept);
        return response;
    }

    /// <summary>The upgraded connection as the response's content: <c>ClientWebSocket</c> reads and writes the stream itself.</summary>
    private sealed class ConnectionContent(Stream connection) : HttpContent
    {
        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => connection;

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(connection);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A connection whose reads return the server's bytes from memory, at once, and whose writes go nowhere.</summary>
    private sealed class WireConnection(byte[] wire) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, wire.Length - _position);
            wire.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
