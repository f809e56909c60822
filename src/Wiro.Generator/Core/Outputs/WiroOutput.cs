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

    private readonly string? _rawUrl;

    internal WiroOutput(string? rawName, string contentType, long? size, string? rawUrl, string? contentJson, int index, WiroClient? client)
    {
        // Only http(s) is ever fetched: a file:, ftp: or other URL from a server must not make the client read elsewhere.
        Url = Uri.TryCreate(rawUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
        RawName = rawName;
        Name = SafeFileName.ForOutput(rawName, Url, index);
        ContentType = contentType;
        Size = size;
        ContentJson = contentJson;
        _rawUrl = rawUrl;
        _client = client;
    }

    /// <summary>
    /// A file name safe to write in any folder, e.g. <c>0.png</c>: the name Wiro gave without any directory part, with
    /// characters Windows or Linux refuse replaced by <c>_</c>, never <c>.</c>, <c>..</c> or a device name such as
    /// <c>CON</c>, and never empty (then taken from the URL, or <c>output-{index}</c>).
    /// </summary>
    public string Name { get; }

    /// <summary>The name exactly as Wiro sent it (which may hold <c>../</c> or be rooted); null when there was none.</summary>
    public string? RawName { get; }

    /// <summary>The content type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>
    /// <see cref="ContentType"/> as a media type: <c>type/subtype</c> with any parameters dropped, or
    /// <c>application/octet-stream</c> when Wiro's is not one (empty, <c>raw</c>, or holding characters a header refuses).
    /// </summary>
    public string MediaType => MediaTypes.Of(ContentType);

    /// <summary>The size in bytes, when Wiro gave it.</summary>
    public long? Size { get; }

    /// <summary>Where the file can be downloaded: an http or https URL; null when Wiro gave none, or another kind.</summary>
    public Uri? Url { get; }

    /// <summary>
    /// Inline content as raw JSON, for outputs that are not files: LLM tools answer with content type <c>raw</c> and
    /// <c>{"prompt", "raw", "thinking": [], "answer": []}</c>. Null for file outputs.
    /// </summary>
    public string? ContentJson { get; }

    /// <summary>True for inline content with no URL at all: nothing to download.</summary>
    internal bool IsInlineContent => Url is null && ContentJson is not null && string.IsNullOrEmpty(_rawUrl);

    /// <summary>
    /// Streams the file into <paramref name="destination"/> without holding it in memory. A body cut short or stalled
    /// is resumed within <see cref="WiroClientOptions.MaxRetries"/>, so the destination only ever receives the file's
    /// bytes in order; a body longer or shorter than <see cref="Size"/> is a <see cref="WiroDownloadException"/>.
    /// </summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is copied.</returns>
    public Task DownloadToStreamAsync(Stream destination, CancellationToken cancellationToken = default)
        => DownloadToStreamAsync(destination, maxBytes: null, cancellationToken);

    /// <summary>
    /// As <see cref="DownloadToStreamAsync(Stream, CancellationToken)"/>, refusing a body announced or grown past
    /// <paramref name="maxBytes"/> with a <see cref="WiroResponseTooLargeException"/> (null: no cap).
    /// </summary>
    internal async Task DownloadToStreamAsync(Stream destination, long? maxBytes, CancellationToken cancellationToken)
    {
        if (Url is null)
        {
            throw IsInlineContent
                ? new InvalidOperationException($"Output '{Name}' is inline content (see ContentJson), not a file to download.")
                : new WiroMalformedResponseException(
                    string.IsNullOrEmpty(_rawUrl)
                        ? $"Wiro's output '{Name}' has no download URL."
                        : $"Wiro's output '{Name}' has a URL that is not http or https ('{Shorten(_rawUrl!)}'); it is not fetched.",
                    null,
                    null);
        }

        if (_client is null)
        {
            throw new InvalidOperationException($"Output '{Name}' was not read by a WiroClient, so it cannot be downloaded.");
        }

        await _client.DownloadAsync(Url, Size, destination, cancellationToken, maxBytes).ConfigureAwait(false);
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

    /// <summary>
    /// Streams the file into <paramref name="directory"/> (created when missing) as <see cref="Name"/>, which cannot
    /// leave it whatever the server sent; an existing file of that name is replaced.
    /// </summary>
    /// <param name="directory">The folder to write in.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The full path of the file written.</returns>
    public Task<string> DownloadToDirectoryAsync(string directory, CancellationToken cancellationToken = default)
        => DownloadIntoAsync(directory, Name, cancellationToken);

    /// <summary>Downloads into <paramref name="directory"/> as <paramref name="fileName"/>, a name <see cref="SafeFileName"/> made.</summary>
    internal async Task<string> DownloadIntoAsync(string directory, string fileName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(directory))
        {
            throw new ArgumentException("A directory is required.", nameof(directory));
        }

        var folder = Path.GetFullPath(directory);
        // The name is safe by construction; the checks keep that promise even if the rules above ever miss a case.
        if (SafeFileName.WhyUnsafe(fileName) is { } problem)
        {
            throw new WiroMalformedResponseException($"The file name '{Shorten(fileName)}' made for Wiro's output '{Shorten(Name)}' {problem}; it is not written.", null, null);
        }

        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        if (!string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(folder), StringComparison.Ordinal))
        {
            throw new WiroMalformedResponseException($"Wiro's output name '{Shorten(fileName)}' would leave '{folder}'; it is not written.", null, null);
        }

        await DownloadToFileAsync(path, cancellationToken).ConfigureAwait(false);
        return path;
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

    /// <summary>Server text quoted in a message, kept short.</summary>
    private static string Shorten(string text) => text.Length <= 100 ? text : text.Substring(0, 100) + "...";
}
