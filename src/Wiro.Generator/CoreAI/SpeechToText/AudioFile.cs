#nullable enable
namespace Wiro;

using System;
using System.IO;

/// <summary>The file name and media type an audio stream is uploaded under.</summary>
internal static class AudioFile
{
    /// <summary>
    /// A <see cref="FileStream"/>'s own name; else <c>audio</c> with the extension the first bytes show, read and put
    /// back when the stream can seek (<c>.wav</c> when they show none, or the stream cannot seek).
    /// </summary>
    public static (string Name, string? MediaType) NameOf(Stream stream)
    {
        if (stream is FileStream file && Path.GetFileName(file.Name) is { Length: > 0 } name)
        {
            return (name, MediaTypeOf(Path.GetExtension(name)));
        }

        var extension = ".wav";
        if (stream.CanSeek)
        {
            var start = stream.Position;
            var header = new byte[12];
            var read = 0;
            while (read < header.Length && stream.Read(header, read, header.Length - read) is var count and > 0)
            {
                read += count;
            }

            stream.Position = start;
            extension = Sniff(header.AsSpan(0, read)) ?? extension;
        }

        return ("audio" + extension, MediaTypeOf(extension));
    }

    private static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("RIFF"u8))
        {
            return ".wav";
        }

        if (header.StartsWith("ID3"u8) || (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0))
        {
            return ".mp3";
        }

        if (header.StartsWith("OggS"u8))
        {
            return ".ogg";
        }

        if (header.StartsWith("fLaC"u8))
        {
            return ".flac";
        }

        if (header.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        {
            return ".webm";
        }

        return header.Length >= 8 && header.Slice(4, 4).SequenceEqual("ftyp"u8) ? ".m4a" : null;
    }

    private static string? MediaTypeOf(string extension)
        => extension.ToLowerInvariant() switch
        {
            ".wav" => "audio/wav",
            ".mp3" => "audio/mpeg",
            ".ogg" or ".oga" or ".opus" => "audio/ogg",
            ".flac" => "audio/flac",
            ".webm" => "audio/webm",
            ".m4a" or ".mp4" => "audio/mp4",
            ".aac" => "audio/aac",
            _ => null,
        };
}
