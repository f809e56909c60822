using System.Buffers.Binary;

namespace Wiro.Emulator;

/// <summary>The bytes of the video and sound outputs: a committed MP4 clip (made with ffmpeg) and a tone built here.</summary>
internal static class Fixtures
{
    public const int ToneSampleRate = 8000;

    /// <summary>Fixtures/clip.mp4: 1 s, 64×64, 8 frames of H.264 (ffmpeg testsrc, libx264, +faststart).</summary>
    public static readonly byte[] Clip = Resource("Wiro.Emulator.clip.mp4");

    /// <summary>Half a second of 440 Hz.</summary>
    public static readonly byte[] Tone = Wav(440, ToneSampleRate / 2);

    private static byte[] Resource(string name)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The emulator's resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A RIFF/WAVE file: 16-bit PCM, mono, <see cref="ToneSampleRate"/> samples a second.</summary>
    private static byte[] Wav(double frequency, int samples)
    {
        const int headerSize = 44;
        var wav = new byte[headerSize + (samples * 2)];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], ToneSampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], ToneSampleRate * 2); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2); // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16); // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(Math.Sin(2 * Math.PI * frequency * i / ToneSampleRate) * short.MaxValue * 0.3);
            BinaryPrimitives.WriteInt16LittleEndian(span[(headerSize + (i * 2))..], value);
        }

        return wav;
    }
}
