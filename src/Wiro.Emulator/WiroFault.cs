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

    /// <summary>HTTP 200 with <c>"result":"false"</c> and the code as a string, as some Wiro answers do.</summary>
    ResultFalseAsString,

    /// <summary>The real answer, with <c>"result":"true"</c> as a string.</summary>
    ResultTrueAsString,

    /// <summary>The real answer, with bytes that are not UTF-8 inside the first string <see cref="WiroFault.Field"/>.</summary>
    InvalidUtf8,

    /// <summary>The real answer, with the first <see cref="WiroFault.Field"/> set to the number <see cref="WiroFault.Value"/>.</summary>
    OutOfRangeNumber,

    /// <summary>The real answer, with the first output's <c>name</c> set to <see cref="WiroFault.Value"/> (a path, say).</summary>
    HostileOutputName,

    /// <summary>The real answer, with the first output's <c>url</c> set to <see cref="WiroFault.Value"/> (a <c>file:</c> URL, say).</summary>
    HostileOutputUrl,

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
/// downloads, which a fault without an endpoint leaves alone. A fault that answers instead of Wiro is played before
/// authentication, as a gateway in front of Wiro would. A fault that damages the real answer
/// (<see cref="WiroFaultKind.ResultTrueAsString"/>, <see cref="WiroFaultKind.InvalidUtf8"/>,
/// <see cref="WiroFaultKind.OutOfRangeNumber"/>, <see cref="WiroFaultKind.HostileOutputName"/>,
/// <see cref="WiroFaultKind.HostileOutputUrl"/>) plays on the first matching answer that holds its field (a Run
/// answer has no <c>status</c>, an answer before success no outputs), so it is never spent on an answer it cannot
/// change.
/// </remarks>
/// <param name="Kind">What the fault does.</param>
/// <param name="Endpoint">The path it applies to; null for any API endpoint.</param>
/// <param name="Duration">The <c>Retry-After</c> of <see cref="WiroFaultKind.TooManyRequests"/>, or the wait of <see cref="WiroFaultKind.Delay"/>.</param>
/// <param name="Code">Wiro's error code in the answer's envelope.</param>
/// <param name="Message">Wiro's error message in the answer's envelope.</param>
public sealed partial record WiroFault(WiroFaultKind Kind, string? Endpoint, TimeSpan Duration, int Code, string Message)
{
    /// <summary>The answer's field a fault that damages the real answer changes, e.g. <c>status</c>.</summary>
    public string? Field { get; init; }

    /// <summary>What that field is set to: a JSON number for <see cref="WiroFaultKind.OutOfRangeNumber"/>, a name or URL for the output faults.</summary>
    public string? Value { get; init; }

    /// <summary>True for the faults that change the real answer instead of answering in its place.</summary>
    internal bool DamagesAnswer => Kind is WiroFaultKind.ResultTrueAsString or WiroFaultKind.InvalidUtf8 or WiroFaultKind.OutOfRangeNumber
        or WiroFaultKind.HostileOutputName or WiroFaultKind.HostileOutputUrl;

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

    /// <summary>
    /// HTTP 200 with <c>{"result":"false","errors":[{"code":"97","message":"Insufficient balance"}]}</c>: the refusal
    /// written with strings, which a client must read as a refusal too.
    /// </summary>
    /// <param name="code">Wiro's error code (sent as a string).</param>
    /// <param name="message">Wiro's error message.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault ResultFalseAsString(int code = 97, string message = "Insufficient balance", string? endpoint = null)
        => new(WiroFaultKind.ResultFalseAsString, endpoint, TimeSpan.Zero, code, message);

    /// <summary>The real answer with <c>"result":"true"</c> as a string, which a client must read as success.</summary>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault ResultTrueAsString(string? endpoint = null)
        => new(WiroFaultKind.ResultTrueAsString, endpoint, TimeSpan.Zero, 0, "") { Field = "result" };

    /// <summary>
    /// The real answer with a byte that is not UTF-8 (<c>0xFF</c>) at the end of the first string <paramref name="field"/>,
    /// e.g. a task's <c>status</c> or <c>id</c>, or a Run answer's <c>taskid</c>.
    /// </summary>
    /// <param name="field">The field to damage; the first one in the answer holding a string.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    public static WiroFault InvalidUtf8(string field = "status", string? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return new(WiroFaultKind.InvalidUtf8, endpoint, TimeSpan.Zero, 0, "") { Field = field };
    }

    /// <summary>
    /// The real answer with the first <paramref name="field"/> set to the JSON number <paramref name="number"/>: by
    /// default a task's <c>endtime</c> at 99999999999999 unix seconds, past what a date can hold. Also useful:
    /// a negative <c>size</c>, <c>1e400</c>, a fraction where a whole number belongs.
    /// </summary>
    /// <param name="field">The field to set, e.g. <c>endtime</c>, <c>size</c> or <c>elapsedseconds</c>.</param>
    /// <param name="number">A JSON number literal, written as given.</param>
    /// <param name="endpoint">The endpoint path it applies to; null for any.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is not one JSON number.</exception>
    public static WiroFault OutOfRangeNumber(string field = "endtime", string number = "99999999999999", string? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (!AnswerRewriter.IsJsonNumber(number))
        {
            throw new ArgumentException("A JSON number literal such as 99999999999999, -1 or 1e400 is expected.", nameof(number));
        }

        return new(WiroFaultKind.OutOfRangeNumber, endpoint, TimeSpan.Zero, 0, "") { Field = field, Value = number };
    }

    /// <summary>
    /// The real answer with the first output named <paramref name="name"/>: a path that climbs out of a folder
    /// (<c>../../x.txt</c>, the default), an absolute one (<c>/tmp/x.txt</c>, <c>C:\x.txt</c>), a device name
    /// (<c>CON</c>). The output's URL still serves its file.
    /// </summary>
    /// <param name="name">The name sent.</param>
    /// <param name="endpoint">The endpoint path it applies to; <c>/Task/Detail</c> unless given.</param>
    /// <returns>The fault.</returns>
    public static WiroFault HostileOutputName(string name = "../../x.txt", string? endpoint = "/Task/Detail")
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(WiroFaultKind.HostileOutputName, endpoint, TimeSpan.Zero, 0, "") { Field = "name", Value = name };
    }

    /// <summary>The real answer with the first output's URL set to <paramref name="url"/>, by default <c>file:///etc/passwd</c>.</summary>
    /// <param name="url">The URL sent.</param>
    /// <param name="endpoint">The endpoint path it applies to; <c>/Task/Detail</c> unless given.</param>
    /// <returns>The fault.</returns>
    public static WiroFault HostileOutputUrl(string url = "file:///etc/passwd", string? endpoint = "/Task/Detail")
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(WiroFaultKind.HostileOutputUrl, endpoint, TimeSpan.Zero, 0, "") { Field = "url", Value = url };
    }
}
