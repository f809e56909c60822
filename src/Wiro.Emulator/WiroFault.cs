namespace Wiro.Emulator;

/// <summary>What a fault does to the request it hits.</summary>
public enum WiroFaultKind
{
    /// <summary>HTTP 429 with <c>Retry-After</c> and Wiro's error envelope.</summary>
    TooManyRequests,

    /// <summary>HTTP 500 with Wiro's error envelope.</summary>
    ServerError,

    /// <summary>The answer comes late.</summary>
    Delay,

    /// <summary>The connection is dropped without an answer.</summary>
    DropConnection,

    /// <summary>HTTP 200 with a body that is not JSON (cut off mid-object).</summary>
    MalformedJson,

    /// <summary>HTTP 200 with <c>result:false</c>.</summary>
    ResultFalse,

    /// <summary>HTTP 200 with error 96, the project's concurrency limit.</summary>
    ConcurrencyLimit,

    /// <summary>A redirect (3xx with <c>Location</c>) to another URL, such as another origin.</summary>
    Redirect,

    /// <summary>HTTP 200 with a JSON answer of a given size, streamed (never held whole).</summary>
    OversizedAnswer,

    /// <summary>On the WebSocket: one message whose frames never set FIN, then silence.</summary>
    EndlessWebSocketMessage,

    /// <summary>The answer's body, one byte per interval.</summary>
    TrickleBody,

    /// <summary>The answer declares its whole Content-Length, sends only its first bytes, and drops the connection.</summary>
    CutShort,
}

/// <summary>
/// A failure the emulator plays once, on the next request to <see cref="Endpoint"/> (or to any API endpoint when it
/// is null). Enqueue with <see cref="WiroEmulator.EnqueueFault"/>; several queued faults play in order.
/// </summary>
/// <remarks>
/// <see cref="Endpoint"/> is an API path such as <c>/Task/Detail</c> or <c>/Run</c> (matched by whole segments, so
/// <c>/Run</c> covers every tool; a leading <c>/v1</c> is ignored), or <c>/files</c> for output and upload
/// downloads, which a fault without an endpoint leaves alone. A fault is played before authentication, as a
/// gateway in front of Wiro would.
/// </remarks>
/// <param name="Kind">What the fault does.</param>
/// <param name="Endpoint">The path it applies to; null for any API endpoint.</param>
/// <param name="Duration">The <c>Retry-After</c> of <see cref="WiroFaultKind.TooManyRequests"/>, or the wait of <see cref="WiroFaultKind.Delay"/>.</param>
/// <param name="Code">Wiro's error code in the answer's envelope.</param>
/// <param name="Message">Wiro's error message in the answer's envelope.</param>
public sealed partial record WiroFault(WiroFaultKind Kind, string? Endpoint, TimeSpan Duration, int Code, string Message)
{
    /// <summary>HTTP 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The delay the answer asks for (whole seconds on the wire).</param>
    /// <param name="endpoint">The endpoint path it applies to, e.g. <c>/Task/Detail</c>; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault TooManyRequests(TimeSpan retryAfter, string? endpoint = null)
        => new(WiroFaultKind.TooManyRequests, endpoint, retryAfter, 0, "Too many requests.");

    /// <summary>HTTP 500.</summary>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault ServerError(string? endpoint = null) => new(WiroFaultKind.ServerError, endpoint, TimeSpan.Zero, 0, "Internal server error.");

    /// <summary>An answer that comes <paramref name="duration"/> after the request arrived, on <see cref="WiroEmulatorOptions.Clock"/>.</summary>
    /// <param name="duration">How late.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault Delay(TimeSpan duration, string? endpoint = null) => new(WiroFaultKind.Delay, endpoint, duration, 0, "");

    /// <summary>A dropped connection.</summary>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault DropConnection(string? endpoint = null) => new(WiroFaultKind.DropConnection, endpoint, TimeSpan.Zero, 0, "");

    /// <summary>HTTP 200 with a broken body.</summary>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault MalformedJson(string? endpoint = null) => new(WiroFaultKind.MalformedJson, endpoint, TimeSpan.Zero, 0, "");

    /// <summary>HTTP 200 with <c>result:false</c>.</summary>
    /// <param name="code">Wiro's error code.</param>
    /// <param name="message">Wiro's error message.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault ResultFalse(int code, string message, string? endpoint = null) => new(WiroFaultKind.ResultFalse, endpoint, TimeSpan.Zero, code, message);

    /// <summary>Error 96: the project's concurrency limit is reached.</summary>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault ConcurrencyLimit(string? endpoint = null)
        => new(WiroFaultKind.ConcurrencyLimit, endpoint, TimeSpan.Zero, 96, "You have reached your concurrent task limit. With your current balance of $50.00, you can run up to 5 tasks at the same time. Add funds to increase your limit.");
}
