using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Wiro.Tool;

/// <summary>
/// The client core's exceptions as the tool reports them: one line naming the tool, the address or the call, and
/// the exit code it ends with. Pages and API calls go through the core (see <see cref="PageSource"/> and
/// <see cref="ToolListClient"/>), so these are the only ways their failures reach the user.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>A page fetch that failed: no page is an unknown tool, a page over the cap is no spec page, the rest is unreachable.</summary>
    public static WiroToolException OfPage(WiroApiException exception, ToolName tool, Uri address, Uri source, ToolTimeouts timeouts)
    {
        var (code, message) = exception switch
        {
            WiroResponseTooLargeException => (ExitCodes.UnknownTool, $"'{tool}': {address} is larger than {PageSource.MaxPageBytes / (1024 * 1024)} MB, so it is not a spec page."),
            { InnerException: HttpRequestException http } => (ExitCodes.Unreachable, $"cannot reach {source.GetLeftPart(UriPartial.Authority)} for '{tool}': {Describe(http)}"),
            { InnerException: OperationCanceledException } => (ExitCodes.Unreachable, $"{address} did not answer within {timeouts.Answer.TotalSeconds:0.#} s."),
            { InnerException: IOException io } => (ExitCodes.Unreachable, $"the connection to {source.Authority} broke while reading '{tool}': {io.Message}"),
            WiroDownloadException { HttpStatus: HttpStatusCode.NotFound or HttpStatusCode.Gone } => (ExitCodes.UnknownTool, $"unknown tool '{tool}': {address} does not exist."),
            WiroDownloadException { HttpStatus: { } status } when (int)status is < 200 or >= 300 => (ExitCodes.Unreachable, $"{address} answered HTTP {(int)status} for '{tool}'."),
            // A refused redirect, a stalled or short body: the core's message says which, and where.
            _ => (ExitCodes.Unreachable, $"'{tool}': {exception.WiroMessage}"),
        };
        return new WiroToolException(code, message, exception);
    }

    /// <summary>An API call (<paramref name="operation"/>, such as Tool/List) that failed: refused credentials are 6, the rest 4.</summary>
    public static WiroToolException OfCall(WiroApiException exception, string operation, Uri api)
    {
        var status = exception.HttpStatus is { } answered ? ((int)answered).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        var (code, message) = exception switch
        {
            WiroAuthenticationException => (ExitCodes.Unauthorized, $"the API refused the credentials (HTTP {status}): {exception.WiroMessage}"),
            // Nothing was sent where the redirect points: the core refuses redirects on signed calls.
            WiroRedirectException => (ExitCodes.Unreachable, $"{operation}: {exception.WiroMessage}"),
            WiroResponseTooLargeException large => (ExitCodes.Unreachable, $"{operation} answered more than {large.MaxBytes / (1024 * 1024)} MiB; it was not read."),
            WiroMalformedResponseException or { InnerException: JsonException } => (ExitCodes.Unreachable, $"{operation} answered HTTP {status} with something that is not JSON."),
            { InnerException: HttpRequestException http } => (ExitCodes.Unreachable, $"cannot reach {api.GetLeftPart(UriPartial.Authority)}: {Describe(http)}"),
            { InnerException: IOException io } => (ExitCodes.Unreachable, $"the connection to {api.Authority} broke during {operation}: {io.Message}"),
            _ => (ExitCodes.Unreachable, $"{operation} failed (HTTP {status}): {exception.WiroMessage}"),
        };
        return new WiroToolException(code, message, exception);
    }

    /// <summary>What went wrong on the wire, in words a user can act on (no stack trace).</summary>
    private static string Describe(HttpRequestException exception)
        => exception.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused.",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "the host name cannot be resolved (no network?).",
            SocketException socket => socket.Message + ".",
            { } inner => inner.Message,
            null => exception.Message,
        };
}
