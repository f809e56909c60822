#nullable enable
namespace Wiro;

using System;
using System.Buffers;

/// <summary>
/// Bytes received into one growing array that never holds more than <c>limit + 1</c> bytes (the extra byte tells an
/// exact fit from an overflow). It grows fourfold, and jumps straight to its last size once growing twice more would
/// pass it, so the array before the last is at most a quarter of the limit and all the arrays it ever allocated add
/// up to at most 4/3 of the limit (they count until the GC collects them). Arrays up to 1 MiB come from the shared
/// pool; larger ones from the GC, so one huge answer is not kept alive by the pool.
/// </summary>
internal sealed class CappedBuffer : IDisposable
{
    private const int PooledMaxLength = 1024 * 1024;

    private readonly int _limit;
    private byte[] _array;
    private int _written;

    /// <param name="limit">The most bytes a complete content may have.</param>
    /// <param name="initialLength">The first array's length (an expected size plus one, or a small guess).</param>
    public CappedBuffer(int limit, int initialLength)
    {
        _limit = limit;
        _array = Allocate(Math.Clamp(initialLength, 1, MaxLength));
    }

    /// <summary>True once more than the limit was received: the content is to be dropped.</summary>
    public bool Overflowed => _written > _limit;

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    private int MaxLength => _limit + 1;

    private int Capacity => Math.Min(_array.Length, MaxLength);

    /// <summary>Room for the next read, grown when full. Not to be called once <see cref="Overflowed"/>.</summary>
    public Memory<byte> GetMemory()
    {
        if (_written == Capacity)
        {
            if (Capacity == MaxLength)
            {
                throw new InvalidOperationException("The buffer is full: check Overflowed after each Advance.");
            }

            var next = (long)Capacity * 16 > MaxLength ? MaxLength : Capacity * 4;
            var grown = Allocate(next);
            _array.AsSpan(0, _written).CopyTo(grown);
            Release(_array, _written);
            _array = grown;
        }

        return _array.AsMemory(_written, Capacity - _written);
    }

    public void Advance(int count) => _written += count;

    /// <summary>Empties the buffer for the next content, keeping its array.</summary>
    public void Clear()
    {
        _array.AsSpan(0, _written).Clear();
        _written = 0;
    }

    public void Dispose()
    {
        Release(_array, _written);
        _array = [];
        _written = 0;
    }

    private static byte[] Allocate(int length)
        => length <= PooledMaxLength ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);

    // Answers may hold prompts and outputs: what was written is cleared before the array goes back to the pool.
    private static void Release(byte[] array, int written)
    {
        if (array.Length > 0 && array.Length <= PooledMaxLength)
        {
            array.AsSpan(0, Math.Min(written, array.Length)).Clear();
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
