#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// A JSON request body written with <see cref="Utf8JsonWriter"/> straight into a buffer rented from
/// <see cref="ArrayPool{T}"/>; the buffer goes back to the pool when the request is disposed. Every call builds
/// one, so this keeps the hot path free of intermediate strings and per-call byte arrays.
/// </summary>
internal sealed class PooledJsonContent : HttpContent, IBufferWriter<byte>
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    // Writing is synchronous, so one writer per thread is reused instead of allocating one per request.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[] _buffer;
    private int _length;

    private PooledJsonContent(int initialSize)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
        Headers.ContentType = JsonContentType;
    }

    /// <summary>Writes one JSON object: <paramref name="write"/> fills in its properties.</summary>
    public static PooledJsonContent Create<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var content = new PooledJsonContent(512);
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(content);
            t_writer = writer;
        }
        else
        {
            writer.Reset(content);
        }

        try
        {
            writer.WriteStartObject();
            write(writer, state);
            writer.WriteEndObject();
            writer.Flush();
        }
        catch
        {
            // A writer left mid-object would corrupt the next body written on this thread.
            t_writer = null;
            content.Dispose();
            throw;
        }
        finally
        {
            writer.Reset();
        }

        return content;
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => new(_buffer, 0, _length);

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_length);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(_buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private void Reserve(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
