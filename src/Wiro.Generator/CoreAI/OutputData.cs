#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Outputs' bytes read into memory within a budget: what the adapters hand out as <c>DataContent</c>. The budget is
/// a response's, not an output's, so a task that lists many outputs cannot make the client hold many caps' worth.
/// </summary>
internal static class OutputData
{
    /// <summary>The adapters' default budget for one response's outputs read into memory: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Each output's bytes, in order, all of them within <paramref name="maxBytes"/> together.</summary>
    public static async Task<List<byte[]>> ReadAllAsync(IReadOnlyList<WiroOutput> outputs, long maxBytes, CancellationToken cancellationToken)
    {
        var all = new List<byte[]>(outputs.Count);
        var left = maxBytes;
        foreach (var output in outputs)
        {
            var bytes = await ReadAsync(output, left, cancellationToken).ConfigureAwait(false);
            left -= bytes.Length;
            all.Add(bytes);
        }

        return all;
    }

    /// <summary>The output's bytes; a <see cref="WiroResponseTooLargeException"/> once it declares or passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(WiroOutput output, long maxBytes, CancellationToken cancellationToken)
    {
        // A byte array holds at most Array.MaxLength bytes, whatever budget is set.
        maxBytes = Math.Min(maxBytes, Array.MaxLength);
        if (output.Size is { } size && size > maxBytes)
        {
            throw TooLarge(output, maxBytes, size);
        }

        using var buffer = new CappedStream(output, maxBytes);
        await output.DownloadToStreamAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static WiroResponseTooLargeException TooLarge(WiroOutput output, long maxBytes, long? size)
        => new($"Output '{output.Name}' does not fit the {maxBytes} bytes left of the cap on outputs read into memory (MaxDataBytes)"
            + (size is { } declared ? $": Wiro gives its size as {declared}." : "; it was dropped once it passed the cap."), maxBytes, size, null);

    /// <summary>A write-only memory stream that refuses to grow past its cap.</summary>
    private sealed class CappedStream : Stream
    {
        private readonly MemoryStream _inner = new();
        private readonly WiroOutput _output;
        private readonly long _maxBytes;

        public CappedStream(WiroOutput output, long maxBytes)
        {
            _output = output;
            _maxBytes = maxBytes;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _inner.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_inner.Length + buffer.Length > _maxBytes)
            {
                throw TooLarge(_output, _maxBytes, null);
            }

            _inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return default;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
