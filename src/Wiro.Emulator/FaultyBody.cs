using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>
/// A response body that a fault stands in front of: the endpoint writes its answer as usual, and the fault decides
/// how it reaches the wire (one byte at a time, or only its start).
/// </summary>
internal abstract class FaultyBody(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Kestrel writes asynchronously.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    /// <summary>Each byte flushed on its own, then a pause.</summary>
    public sealed class Trickle(Stream inner, TimeSpan interval) : FaultyBody(inner)
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                await Inner.WriteAsync(buffer.Slice(i, 1), cancellationToken).ConfigureAwait(false);
                await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The first bytes, flushed, then the connection dropped; what follows goes nowhere.</summary>
    public sealed class CutShort(Stream inner, HttpContext context, long bytesSent) : FaultyBody(inner)
    {
        private long _left = bytesSent;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left < 0)
            {
                return;
            }

            var sent = (int)Math.Min(_left, buffer.Length);
            if (sent > 0)
            {
                await Inner.WriteAsync(buffer[..sent], cancellationToken).ConfigureAwait(false);
                _left -= sent;
            }

            if (sent < buffer.Length)
            {
                _left = -1;
                await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                context.Abort();
            }
        }
    }
}
