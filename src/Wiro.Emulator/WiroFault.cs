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

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>HTTP 200 with <c>result:false</c>.</summary>
    ResultFalse,

    /// <summary>Error 96, the project's concurrency limit.</summary>
    ConcurrencyLimit,
}

/// <summary>
/// A failure the emulator plays once, on the next request to <see cref="Endpoint"/> (or to any endpoint when it is
/// null). Enqueue with <see cref="WiroEmulator.EnqueueFault"/>.
/// </summary>
public sealed record WiroFault(WiroFaultKind Kind, string? Endpoint, TimeSpan Duration, int Code, string Message)
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

    /// <summary>An answer that comes after <paramref name="duration"/>.</summary>
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
        => new(WiroFaultKind.ConcurrencyLimit, endpoint, TimeSpan.Zero, 96, "You have reached the concurrent task limit of your plan.");
}
