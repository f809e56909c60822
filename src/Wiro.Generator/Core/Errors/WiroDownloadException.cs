#nullable enable
namespace Wiro;

using System;
using System.Net;

/// <summary>
/// An output could not be downloaded whole: an error status, a body cut short or stalled after the retries
/// (<see cref="WiroClientOptions.MaxRetries"/>), or a body longer or shorter than the size Wiro gave.
/// </summary>
public sealed class WiroDownloadException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="url">The output's URL.</param>
    /// <param name="expectedBytes">The size the download should have had, when known.</param>
    /// <param name="receivedBytes">The bytes received and written.</param>
    /// <param name="httpStatus">The HTTP status of the answer, when there was one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WiroDownloadException(string message, Uri url, long? expectedBytes, long receivedBytes, HttpStatusCode? httpStatus, Exception? innerException = null)
        : base(-1, message, httpStatus, innerException)
    {
        Url = url;
        ExpectedBytes = expectedBytes;
        ReceivedBytes = receivedBytes;
    }

    /// <summary>The output's URL.</summary>
    public Uri Url { get; }

    /// <summary>The size the download should have had (Wiro's <c>size</c>, else the Content-Length), when known.</summary>
    public long? ExpectedBytes { get; }

    /// <summary>The bytes received and written to the destination.</summary>
    public long ReceivedBytes { get; }
}
