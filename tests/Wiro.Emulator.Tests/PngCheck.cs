using System.Buffers.Binary;
using System.Text;

namespace Wiro.Emulator.Tests;

/// <summary>Checks a PNG by hand: signature, an IHDR first, every chunk's CRC, IEND last.</summary>
internal static class PngCheck
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts <paramref name="png"/> is well formed and returns its width and height.</summary>
    public static (int Width, int Height) AssertValid(byte[] png)
    {
        Assert.Equal(Signature, png[..8]);
        var chunks = new List<string>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32(typeAndData), crc);
            chunks.Add(Encoding.ASCII.GetString(typeAndData[..4]));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", chunks[0]);
        Assert.Contains("IDAT", chunks);
        Assert.Equal("IEND", chunks[^1]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
