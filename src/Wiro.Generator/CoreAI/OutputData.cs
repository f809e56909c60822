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

    /// <summary>
    /// The output's bytes; a <see cref="WiroResponseTooLargeException"/> once Wiro's size or the server's
    /// Content-Length passes <paramref name="maxBytes"/> (before any byte is read), or the body grows past it.
    /// </summary>
    public static async Task<byte[]> ReadAsync(WiroOutput output, long maxBytes, CancellationToken cancellationToken)
    {
        // A byte array holds at most Array.MaxLength bytes, whatever budget is set.
        maxBytes = Math.Min(maxBytes, Array.MaxLength);
        if (output.Size is { } size && size > maxBytes)
        {
            throw TooLarge(output, maxBytes, $": Wiro gives its size as {size}.", size);
        }

        using var buffer = new MemoryStream();
        try
        {
            // The core's downloader holds the cap, so a body announced past it is refused before it is read.
            await output.DownloadToStreamAsync(buffer, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (WiroResponseTooLargeException tooLarge)
        {
            throw TooLarge(output, maxBytes, tooLarge.ContentLength is { } announced
                ? $": the server announces {announced} bytes." : "; it was dropped once it passed the cap.", tooLarge.ContentLength);
        }

        return buffer.ToArray();
    }

    /// <summary>The adapters' refusal: names the output and the option that sets the cap.</summary>
    private static WiroResponseTooLargeException TooLarge(WiroOutput output, long maxBytes, string why, long? size)
        => new($"Output '{output.Name}' does not fit the {maxBytes} bytes left of the cap on outputs read into memory (MaxDataBytes){why}", maxBytes, size, null);
}
