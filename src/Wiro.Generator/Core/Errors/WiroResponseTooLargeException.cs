#nullable enable
namespace Wiro;

using System.Net;

/// <summary>
/// An API answer was larger than <see cref="WiroClientOptions.MaxResponseBytes"/>: refused from its Content-Length
/// before any byte was read, or as soon as a body without one passed the cap. Nothing of it was parsed.
/// </summary>
public sealed class WiroResponseTooLargeException : WiroMalformedResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxBytes">The cap the answer passed.</param>
    /// <param name="contentLength">The answer's Content-Length, when it declared one.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    public WiroResponseTooLargeException(long maxBytes, long? contentLength, HttpStatusCode? httpStatus)
        : base(
            $"Wiro's answer is larger than the {maxBytes}-byte cap (WiroClientOptions.MaxResponseBytes)"
            + (contentLength is { } length ? $": its Content-Length is {length}." : "; it was dropped once it passed the cap."),
            httpStatus,
            null)
    {
        MaxBytes = maxBytes;
        ContentLength = contentLength;
    }

    /// <summary>A download past its own cap (a page the wiro tool fetches), which is no API answer: its own message.</summary>
    internal WiroResponseTooLargeException(string message, long maxBytes, long? contentLength, HttpStatusCode? httpStatus)
        : base(message, httpStatus, null)
    {
        MaxBytes = maxBytes;
        ContentLength = contentLength;
    }

    /// <summary>The cap the answer passed, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The answer's Content-Length, when it declared one.</summary>
    public long? ContentLength { get; }
}
