#nullable enable
namespace Wiro;

using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;

/// <summary>
/// A file input: a URL Wiro fetches itself, or local content sent with the run (multipart) so nothing has to be
/// uploaded first. Strings and <see cref="Uri"/>s convert to URL files implicitly.
/// </summary>
public sealed class WiroFile
{
    private readonly Func<Stream>? _open;
    private readonly ReadOnlyMemory<byte>? _bytes;

    private WiroFile(Uri? url, Func<Stream>? open, ReadOnlyMemory<byte>? bytes, string? fileName, string? contentType)
    {
        Url = url;
        _open = open;
        _bytes = bytes;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's URL, when it is one.</summary>
    public Uri? Url { get; }

    /// <summary>The file name sent with local content.</summary>
    public string? FileName { get; }

    /// <summary>The content type sent with local content; <c>application/octet-stream</c> when null.</summary>
    public string? ContentType { get; }

    /// <summary>True when the content is local and travels with the run.</summary>
    public bool IsLocal => _open is not null || _bytes is not null;

    /// <summary>A file Wiro downloads from <paramref name="url"/>.</summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <returns>The file.</returns>
    public static WiroFile FromUrl(Uri url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            throw new ArgumentException("A file URL must be absolute.", nameof(url));
        }

        return new WiroFile(url, null, null, null, null);
    }

    /// <summary>A file Wiro downloads from <paramref name="url"/>.</summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <returns>The file.</returns>
    public static WiroFile FromUrl(string url) => FromUrl(new Uri(url, UriKind.Absolute));

    /// <summary>A local file, read when the run is sent.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">Its content type, if known.</param>
    /// <returns>The file.</returns>
    public static WiroFile FromPath(string path, string? contentType = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The file to send to Wiro does not exist.", path);
        }

        return new WiroFile(null, () => File.OpenRead(path), null, Path.GetFileName(path), contentType);
    }

    /// <summary>Local content from a stream, read once when the run is sent (the caller keeps ownership).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The file name Wiro sees.</param>
    /// <param name="contentType">Its content type, if known.</param>
    /// <returns>The file.</returns>
    public static WiroFile FromStream(Stream stream, string fileName, string? contentType = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return new WiroFile(null, () => new NonClosingStream(stream), null, fileName, contentType);
    }

    /// <summary>Local content from memory.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="fileName">The file name Wiro sees.</param>
    /// <param name="contentType">Its content type, if known.</param>
    /// <returns>The file.</returns>
    public static WiroFile FromBytes(ReadOnlyMemory<byte> content, string fileName, string? contentType = null)
        => new(null, null, content, fileName, contentType);

    /// <summary>A URL file.</summary>
    /// <param name="url">An absolute URL.</param>
    public static implicit operator WiroFile(string url) => FromUrl(url);

    /// <summary>A URL file.</summary>
    /// <param name="url">An absolute URL.</param>
    public static implicit operator WiroFile(Uri url) => FromUrl(url);

    /// <summary>Opens the local content.</summary>
    /// <returns>A stream the caller disposes.</returns>
    public Stream OpenRead()
    {
        if (_bytes is { } bytes)
        {
            return MemoryMarshal.TryGetArray(bytes, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(bytes.ToArray(), writable: false);
        }

        return _open?.Invoke() ?? throw new InvalidOperationException("A URL file has no local content.");
    }

    /// <summary>The local content as a multipart part, with its content type; bytes are sent without a copy.</summary>
    internal HttpContent CreateContent()
    {
        HttpContent content = _bytes is { } bytes ? new ReadOnlyMemoryContent(bytes) : new StreamContent(OpenRead());
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType ?? "application/octet-stream");
        return content;
    }

    /// <summary>The URL, or the local file name.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => Url?.ToString() ?? "local file " + FileName;

    /// <summary>Lets multipart content dispose its stream without closing the caller's.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
