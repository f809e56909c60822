namespace Wiro.Emulator;

/// <summary>
/// Faults of the transport rather than of Wiro's answers: where an answer points, how large it is, how it is paced
/// and how it ends. They play what a broken or hostile server (or a proxy in front of Wiro) does, so a client can be
/// tested against it.
/// </summary>
public sealed partial record WiroFault
{
    /// <summary>The <c>Location</c> of <see cref="WiroFaultKind.Redirect"/>.</summary>
    public Uri? Target { get; init; }

    /// <summary>The HTTP status of <see cref="WiroFaultKind.Redirect"/>.</summary>
    public int StatusCode { get; init; }

    /// <summary>
    /// Bytes: the answer of <see cref="WiroFaultKind.OversizedAnswer"/>, the message of
    /// <see cref="WiroFaultKind.EndlessWebSocketMessage"/>, or what <see cref="WiroFaultKind.CutShort"/> sends before it drops the connection.
    /// </summary>
    public long Size { get; init; }

    /// <summary>Whether <see cref="WiroFaultKind.OversizedAnswer"/> declares its Content-Length (else it is chunked).</summary>
    public bool DeclaresLength { get; init; }

    /// <summary>
    /// A redirect to <paramref name="target"/> instead of the answer, with no body. Point it at a second server to
    /// check that a client sends no credentials there, or at a <c>file:</c> or <c>http:</c> URL to check which hops a
    /// download refuses.
    /// </summary>
    /// <param name="target">The <c>Location</c>, sent as given (an absolute URL).</param>
    /// <param name="statusCode">A 3xx status: 301, 302, 303, 307 (the default; a client that follows it sends the body again) or 308.</param>
    /// <param name="endpoint">The endpoint path it applies to, e.g. <c>/Task/Detail</c> or <c>/files</c>; null for any API endpoint.</param>
    /// <returns>The fault.</returns>
    public static WiroFault Redirect(Uri target, int statusCode = 307, string? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri || statusCode is < 300 or > 399)
        {
            throw new ArgumentException("A redirect needs an absolute target and a 3xx status.", nameof(target));
        }

        return new(WiroFaultKind.Redirect, endpoint, TimeSpan.Zero, 0, "") { Target = target, StatusCode = statusCode };
    }

    /// <summary>
    /// HTTP 200 with a JSON answer of <paramref name="size"/> bytes, <c>{"result":true,"tasklist":[{"id":"1","debugoutput":"xxx…"}]}</c>,
    /// streamed from a small buffer (the emulator never holds it whole), so a client's answer cap can be tested
    /// with hundreds of megabytes.
    /// </summary>
    /// <param name="size">The body's length in bytes.</param>
    /// <param name="declareLength">True: a Content-Length of <paramref name="size"/>; false: chunked, so the client only learns the size by reading.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any API endpoint.</param>
    /// <returns>The fault.</returns>
    public static WiroFault OversizedAnswer(long size, bool declareLength = true, string? endpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new(WiroFaultKind.OversizedAnswer, endpoint, TimeSpan.Zero, 0, "") { Size = size, DeclaresLength = declareLength };
    }

    /// <summary>
    /// On the next WebSocket subscription: one text message of <paramref name="size"/> bytes in 64 KiB frames, none
    /// setting FIN, then silence with the socket left open until the client leaves. The task's own frames are not sent.
    /// </summary>
    /// <param name="size">The bytes sent before the silence.</param>
    /// <returns>The fault.</returns>
    public static WiroFault EndlessWebSocketMessage(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new(WiroFaultKind.EndlessWebSocketMessage, SocketPath, TimeSpan.Zero, 0, "") { Size = size };
    }

    /// <summary>
    /// The answer as usual (status, headers, Content-Length), its body sent one byte per <paramref name="interval"/>.
    /// The interval is real time, not <see cref="WiroEmulatorOptions.Clock"/>: it is the client's timeouts, which run on
    /// real time, that it tests.
    /// </summary>
    /// <param name="interval">The pause after each byte.</param>
    /// <param name="endpoint">The endpoint path it applies to, e.g. <c>/files</c> for downloads; null for any API endpoint.</param>
    /// <returns>The fault.</returns>
    public static WiroFault TrickleBody(TimeSpan interval, string? endpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new(WiroFaultKind.TrickleBody, endpoint, interval, 0, "");
    }

    /// <summary>
    /// The answer as usual, with its whole Content-Length, but only its first <paramref name="bytesSent"/> bytes of body
    /// before the connection is closed: a download (or answer) cut short. Files are served with Range support, so a
    /// client can resume.
    /// </summary>
    /// <param name="bytesSent">The body bytes sent before the close.</param>
    /// <param name="endpoint">The endpoint path it applies to, e.g. <c>/files</c> for downloads; null for any API endpoint.</param>
    /// <returns>The fault.</returns>
    public static WiroFault CutShort(long bytesSent, string? endpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesSent);
        return new(WiroFaultKind.CutShort, endpoint, TimeSpan.Zero, 0, "") { Size = bytesSent };
    }

    /// <summary>The WebSocket's path, where only <see cref="WiroFaultKind.EndlessWebSocketMessage"/> plays.</summary>
    internal const string SocketPath = "/socket/v1";
}
