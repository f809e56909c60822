#nullable enable
namespace Wiro;

using System;
using System.Net;

/// <summary>Wiro refused a call: <c>result:false</c>, an error status, or an answer that could not be read.</summary>
public class WiroApiException : Exception
{
    /// <summary>Creates the exception from Wiro's error envelope.</summary>
    /// <param name="code">Wiro's error code (0 general, 1 not found, 96 concurrency limit, 97 balance, ...); -1 when none was given.</param>
    /// <param name="wiroMessage">Wiro's error message.</param>
    /// <param name="httpStatus">The HTTP status of the answer, when there was one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WiroApiException(int code, string wiroMessage, HttpStatusCode? httpStatus, Exception? innerException = null)
        : base(Describe(code, wiroMessage, httpStatus), innerException)
    {
        Code = code;
        WiroMessage = wiroMessage;
        HttpStatus = httpStatus;
    }

    /// <summary>Wiro's error code; -1 when the answer carried none.</summary>
    public int Code { get; }

    /// <summary>Wiro's error message, as sent.</summary>
    public string WiroMessage { get; }

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public HttpStatusCode? HttpStatus { get; }

    private static string Describe(int code, string message, HttpStatusCode? status)
        => $"Wiro error {code}: {message}" + (status is { } s ? $" (HTTP {(int)s})" : "");
}

/// <summary>Wiro refused the credentials (HTTP 401 or 403): a wrong key or secret, or the wrong auth mode.</summary>
public sealed class WiroAuthenticationException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Wiro's error code.</param>
    /// <param name="wiroMessage">Wiro's error message.</param>
    /// <param name="httpStatus">401 or 403.</param>
    public WiroAuthenticationException(int code, string wiroMessage, HttpStatusCode? httpStatus)
        : base(code, wiroMessage, httpStatus)
    {
    }
}

/// <summary>The project reached its concurrency limit (Wiro error 96): wait for running tasks to end, then retry.</summary>
public sealed class WiroConcurrencyLimitException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="wiroMessage">Wiro's error message.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    public WiroConcurrencyLimitException(string wiroMessage, HttpStatusCode? httpStatus)
        : base(96, wiroMessage, httpStatus)
    {
    }
}

/// <summary>Wiro answered with a body that is not JSON (a proxy page, a cut-off answer): nothing could be read from it.</summary>
public class WiroMalformedResponseException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the answer.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="innerException">The JSON parser's error.</param>
    public WiroMalformedResponseException(string message, HttpStatusCode? httpStatus, Exception? innerException)
        : base(-1, message, httpStatus, innerException)
    {
    }
}
