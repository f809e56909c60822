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

    /// <summary>
    /// Streams the file into <paramref name="destination"/> without holding it in memory. A body cut short or stalled
    /// is resumed within <see cref="WiroClientOptions.MaxRetries"/>, so the destination only ever receives the file's
    /// bytes in order; a body longer or shorter than <see cref="Size"/> is a <see cref="WiroDownloadException"/>.
    /// </summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is copied.</returns>
    public Task DownloadToStreamAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (Url is null || _client is null)
        {
            throw new InvalidOperationException($"Output '{Name}' has no download URL.");
        }

        return _client.DownloadAsync(Url, Size, destination, cancellationToken);
    }

    /// <summary>
    /// Streams the file into <paramref name="path"/>, creating its folder. The bytes go to a temporary file beside
    /// it, moved into place once the download is whole: a failed download leaves no partial file, and never touches a
    /// file already at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task DownloadToFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);

        // Beside the target, so the move is a rename on the same volume; hidden and unique, so it clashes with nothing.
        var temporary = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".part");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await DownloadToStreamAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    // Best effort: failing to remove the partial file must not hide why the download failed.
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The name and URL.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"{Name} ({ContentType}) {Url}";
}
