#nullable enable
namespace Wiro;

using System;
using System.Net;

/// <summary>
/// An answer redirected a call the client does not follow. API calls are signed, so they never follow a redirect:
/// their headers and bodies go to the configured API origin only. Downloads follow redirects, but never to a scheme
/// other than http(s), never from https to http, and not past a bounded number of hops.
/// </summary>
public sealed class WiroRedirectException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused, naming the status and the target.</param>
    /// <param name="httpStatus">The status of the redirecting answer.</param>
    /// <param name="target">Where the answer pointed (its <c>Location</c>), or where a handler went by itself; null when the answer named no target.</param>
    public WiroRedirectException(string message, HttpStatusCode? httpStatus, Uri? target)
        : base(-1, message, httpStatus)
    {
        Target = target;
    }

    /// <summary>Where the answer pointed (its <c>Location</c>), or where a handler went by itself; null when the answer named no target.</summary>
    public Uri? Target { get; }
}
