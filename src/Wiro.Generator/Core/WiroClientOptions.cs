#nullable enable
namespace Wiro;

using System;

/// <summary>Settings of a <see cref="WiroClient"/>: credentials, addresses, polling and retries.</summary>
public sealed class WiroClientOptions
{
    /// <summary>Wiro's API address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.wiro.ai/v1/");

    /// <summary>Wiro's WebSocket address for live task updates.</summary>
    public static readonly Uri DefaultWebSocketAddress = new("wss://socket.wiro.ai/v1");

    /// <summary>The project's API key, sent as <c>x-api-key</c>. Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The project's API secret for signature authentication (recommended). Leave empty for a project in
    /// API-key-only mode. Never sent, logged or shown: it only keys the request signatures.
    /// </summary>
    public string? ApiSecret { get; set; }

    /// <summary>The API address; <see cref="DefaultBaseAddress"/> unless you use the emulator or a proxy.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The WebSocket address for live updates. When null, <see cref="DefaultWebSocketAddress"/> is used with the
    /// default <see cref="BaseAddress"/>, and waiting polls Task/Detail with any other base address.
    /// </summary>
    public Uri? WebSocketAddress { get; set; }

    /// <summary>Whether waiting may use the WebSocket (falling back to polling when it fails). Default true.</summary>
    public bool UseWebSocket { get; set; } = true;

    /// <summary>
    /// How long the WebSocket may stay silent before Task/Detail is read to check on the task (the wait then goes
    /// on listening), so a lost frame or a mute server never holds a wait forever. Default 30 s.
    /// </summary>
    public TimeSpan WebSocketIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting to the WebSocket may take before the wait polls instead. Default 10 s.</summary>
    public TimeSpan WebSocketConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First interval between Task/Detail polls. Default 2 s.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest interval between polls; each interval grows by <see cref="PollingBackoffFactor"/> up to it. Default 10 s.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Growth of the polling interval after each poll. Default 1.5.</summary>
    public double PollingBackoffFactor { get; set; } = 1.5;

    /// <summary>
    /// Retries of idempotent calls (Task/Detail, Cancel, Kill, downloads) on 408, 429, 5xx and transport errors; a
    /// download cut short or stalled is resumed from where it stopped, within the same count. An API call's retries
    /// also end at <see cref="CallTimeout"/>. Default 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential retry backoff (with jitter). Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between retries, also the cap on a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shortest time between two progress reports of a wait or a watch that bring no new status. Each status the
    /// client knows is reported the first time it arrives, at once; within it, a new percentage or log line (or a
    /// return to an earlier status, or a status no spec lists) is reported at most once per this interval, the latest
    /// one standing for those in between (it is reported before the next status at the latest), and an update that
    /// changes nothing is not reported at all. The last report of a wait is its final status. Zero reports every
    /// change. Default 100 ms.
    /// </summary>
    public TimeSpan ProgressReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>When true, a cancelled wait also kills the remote task (best effort). Default false.</summary>
    public bool KillTaskOnCancel { get; set; }

    /// <summary>
    /// Timeout of each HTTP attempt when the client creates its own <c>HttpClient</c> (a given one keeps its own
    /// <see cref="System.Net.Http.HttpClient.Timeout"/>). It bounds one attempt of an API call whole, headers and body,
    /// and a download's attempt until its headers; the body of a download is bounded by <see cref="DownloadStallTimeout"/>.
    /// A call that is retried makes several attempts, with waits between them: <see cref="CallTimeout"/> bounds them
    /// together. A Run and an upload are one attempt each, so this bounds them whole. Default 100 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The bound on one API call that is retried (Task/Detail, Cancel, Kill), from its start to its end: all its
    /// attempts and the waits between them, <c>Retry-After</c> included. An attempt still running when it passes is
    /// cancelled, and a retry whose wait would end past it is not made; the call then fails with a
    /// <see cref="System.Threading.Tasks.TaskCanceledException"/> whose <see cref="Exception.InnerException"/> is a
    /// <see cref="TimeoutException"/>, as for <see cref="Timeout"/>, its message saying what was under way. A Run and an
    /// upload are never retried, so <see cref="Timeout"/> bounds them alone (a large upload is not cut by this);
    /// downloads keep their progress rule (<see cref="DownloadStallTimeout"/>). A wait for a task (RunAndWaitAsync,
    /// WaitForCompletionAsync, WatchAsync) lasts as long as the task runs: each of its Task/Detail reads is bounded by
    /// this, the wait as a whole by the caller's <see cref="System.Threading.CancellationToken"/>. Must be positive or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> (no bound beyond <see cref="MaxRetries"/>). Default 2 minutes.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The largest API answer read, in bytes (Task/Detail, Run, Cancel, Kill, upload). A Content-Length over it
    /// fails before any byte is read, a body without one as soon as it passes it; either is a
    /// <see cref="WiroResponseTooLargeException"/>. Default 16 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The largest WebSocket message kept, in bytes. A message that grows past it (or never ends) drops the socket,
    /// and the wait goes on by polling Task/Detail. Default 4 MiB.
    /// </summary>
    public int MaxWebSocketMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The window over which a download's body must keep moving: a window that brings fewer than
    /// <see cref="MinimumDownloadBytesPerSecond"/> times its length in bytes (a stalled or trickling server) stops the
    /// attempt, which is resumed within <see cref="MaxRetries"/>. A progress rule, not a total: a large file on a good
    /// link takes as long as it needs. Default 30 s.
    /// </summary>
    public TimeSpan DownloadStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The slowest download rate accepted over each <see cref="DownloadStallTimeout"/> window, in bytes per second;
    /// 0 makes the window a plain idle timeout (any byte starts it again). Default 1024.
    /// </summary>
    public int MinimumDownloadBytesPerSecond { get; set; } = 1024;

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"WiroClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {Redact(ApiKey)}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(none)" : "***")} }}";

    /// <summary>
    /// The core's clock: retry waits, the <see cref="CallTimeout"/> deadline, polling intervals, the
    /// <see cref="ProgressReportInterval"/>, the <see cref="WebSocketIdleTimeout"/> and the
    /// <see cref="WebSocketConnectTimeout"/> run on it. The system clock, or a fake one in the core's own tests.
    /// (<see cref="Timeout"/> and a download's stall rule run on real time: they bound reads from the network.)
    /// </summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where a wait sends its WebSocket's opening handshake (<c>ClientWebSocket.ConnectAsync</c>'s invoker); null, the
    /// default, for a connection of the socket's own. Set only by the benchmarks, which answer the handshake with a
    /// stream of frames held in memory (the same <c>ClientWebSocket</c> reads them, with no network in between).
    /// </summary>
    internal System.Net.Http.HttpMessageInvoker? WebSocketInvoker { get; set; }

    internal Uri? EffectiveWebSocketAddress
        => !UseWebSocket ? null : WebSocketAddress ?? (BaseAddress == DefaultBaseAddress ? DefaultWebSocketAddress : null);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("WiroClientOptions.ApiKey is required.", nameof(ApiKey));
        }

        // A pasted key or secret often ends in a newline; it would break (or inject) headers, so say so plainly.
        if (HasControlCharacter(ApiKey) || HasControlCharacter(ApiSecret))
        {
            throw new ArgumentException("WiroClientOptions.ApiKey and ApiSecret must not contain control characters such as a line break.");
        }

        RequireSafe(BaseAddress ?? throw new ArgumentException("WiroClientOptions.BaseAddress is required.", nameof(BaseAddress)), "BaseAddress", "https", "http");
        if (WebSocketAddress is not null)
        {
            RequireSafe(WebSocketAddress, "WebSocketAddress", "wss", "ws");
        }

        if (PollingInterval <= TimeSpan.Zero || MaxPollingInterval < PollingInterval || !(PollingBackoffFactor >= 1) || double.IsInfinity(PollingBackoffFactor))
        {
            throw new ArgumentException("Polling needs PollingInterval > 0, MaxPollingInterval >= PollingInterval and PollingBackoffFactor >= 1.");
        }

        if (MaxRetries < 0 || RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("Retries need MaxRetries >= 0 and non-negative delays.");
        }

        if (WebSocketIdleTimeout <= TimeSpan.Zero || WebSocketConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("WiroClientOptions.WebSocketIdleTimeout and WebSocketConnectTimeout must be positive.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("WiroClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan.", nameof(Timeout));
        }

        if (CallTimeout <= TimeSpan.Zero && CallTimeout != global::System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("WiroClientOptions.CallTimeout must be positive or Timeout.InfiniteTimeSpan.", nameof(CallTimeout));
        }

        if (ProgressReportInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("WiroClientOptions.ProgressReportInterval must not be negative.", nameof(ProgressReportInterval));
        }

        // One byte more than the cap is read to tell an exact fit from an overflow, so the cap leaves room for it.
        if (MaxResponseBytes <= 0 || MaxResponseBytes >= Array.MaxLength || MaxWebSocketMessageBytes <= 0 || MaxWebSocketMessageBytes >= Array.MaxLength)
        {
            throw new ArgumentException("WiroClientOptions.MaxResponseBytes and MaxWebSocketMessageBytes must be positive and below Array.MaxLength.");
        }

        if (DownloadStallTimeout <= TimeSpan.Zero || MinimumDownloadBytesPerSecond < 0)
        {
            throw new ArgumentException("WiroClientOptions.DownloadStallTimeout must be positive, and MinimumDownloadBytesPerSecond not negative.");
        }
    }

    /// <summary>Plain http:// (or ws://) would send the key in clear text: allowed only to this machine.</summary>
    private static void RequireSafe(Uri address, string name, string secureScheme, string plainScheme)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"WiroClientOptions.{name} must be an absolute URI.", name);
        }

        if (address.Scheme != secureScheme && !(address.Scheme == plainScheme && address.IsLoopback))
        {
            throw new ArgumentException(
                $"WiroClientOptions.{name} '{address}' is not {secureScheme}://; {plainScheme}:// is allowed only for loopback (127.0.0.1, ::1, localhost).",
                name);
        }
    }

    private static bool HasControlCharacter(string? value)
    {
        foreach (var c in value ?? "")
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Redact(string key) => key.Length <= 4 ? "***" : key.Substring(0, 4) + "***";
}
