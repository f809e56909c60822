#nullable enable
namespace Wiro;

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

/// <summary>A file a task produced.</summary>
public sealed class WiroOutput
{
    private readonly WiroClient? _client;

    internal WiroOutput(string name, string contentType, long? size, Uri? url, string? contentJson, WiroClient? client)
    {
        Name = name;
        ContentType = contentType;
        Size = size;
        Url = url;
        ContentJson = contentJson;
        _client = client;
    }

    /// <summary>The file name, e.g. <c>0.png</c>.</summary>
    public string Name { get; }

    /// <summary>The content type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>The size in bytes, when Wiro gave it.</summary>
    public long? Size { get; }

    /// <summary>Where the file can be downloaded.</summary>
    public Uri? Url { get; }

    /// <summary>
    /// Inline content as raw JSON, for outputs that are not files: LLM tools answer with content type <c>raw</c> and
    /// <c>{"prompt", "raw", "thinking": [], "answer": []}</c>. Null for file outputs.
    /// </summary>
    public string? ContentJson { get; }

    /// <summary>Streams the file into <paramref name="destination"/> without holding it in memory.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is copied.</returns>
    public Task DownloadToStreamAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (Url is null || _client is null)
        {
            throw new InvalidOperationException($"Output '{Name}' has no download URL.");
        }

        return _client.DownloadAsync(Url, destination, cancellationToken);
    }

    /// <summary>Streams the file into <paramref name="path"/>, creating its folder.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task DownloadToFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await DownloadToStreamAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Never leave a partial file that looks like a finished download.
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The name and URL.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"{Name} ({ContentType}) {Url}";
}
