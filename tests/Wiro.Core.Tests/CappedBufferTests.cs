namespace Wiro.Core.Tests;

/// <summary>The buffer behind the answer and socket caps: keeps up to its limit exactly, and says so one byte past it.</summary>
public sealed class CappedBufferTests
{
    [Theory]
    [InlineData(1000, 1000, 7, 1)]
    [InlineData(1000, 1001, 7, 1)]
    [InlineData(1000, 999, 1000, 1001)]
    [InlineData(65536, 65536, 4096, 4096)]
    [InlineData(65536, 65537, 4096, 16)]
    [InlineData(3_000_000, 3_000_000, 65536, 16384)]
    [InlineData(3_000_000, 3_100_000, 65536, 16384)]
    public void Keeps_content_up_to_the_limit_and_flags_one_byte_more(int limit, int length, int chunk, int initialLength)
    {
        var content = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();
        using var buffer = new CappedBuffer(limit, initialLength);

        var offset = 0;
        while (offset < content.Length && !buffer.Overflowed)
        {
            var space = buffer.GetMemory();
            var count = Math.Min(Math.Min(chunk, space.Length), content.Length - offset);
            content.AsSpan(offset, count).CopyTo(space.Span);
            buffer.Advance(count);
            offset += count;
        }

        Assert.Equal(length > limit, buffer.Overflowed);
        if (length <= limit)
        {
            Assert.Equal(content, buffer.WrittenMemory.ToArray());
        }
        else
        {
            Assert.Equal(limit + 1, buffer.WrittenMemory.Length);
            Assert.Equal(content[..(limit + 1)], buffer.WrittenMemory.ToArray());
        }
    }

    [Fact]
    public void Clear_empties_it_for_the_next_message()
    {
        using var buffer = new CappedBuffer(10, 4);
        "abcd"u8.CopyTo(buffer.GetMemory().Span);
        buffer.Advance(4);

        buffer.Clear();

        Assert.Equal(0, buffer.WrittenMemory.Length);
        Assert.False(buffer.Overflowed);
    }
}
