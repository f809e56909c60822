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

    /// <summary>
    /// The first bytes, flushed with the headers; what follows goes nowhere. Kestrel then sees fewer bytes than the
    /// Content-Length and closes the connection after what was sent, so the client receives exactly those bytes.
    /// </summary>
    public sealed class CutShort(Stream inner, long bytesSent) : FaultyBody(inner)
    {
        private long _left = bytesSent;
        private bool _flushed;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var sent = (int)Math.Min(_left, buffer.Length);
            if (sent > 0)
            {
                await Inner.WriteAsync(buffer[..sent], cancellationToken).ConfigureAwait(false);
                _left -= sent;
            }

            if (_left == 0 && !_flushed)
            {
                _flushed = true;
                await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
