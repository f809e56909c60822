#nullable enable
namespace Wiro;

/// <summary>
/// A handler in the <see cref="System.Net.Http.HttpClient"/> pipeline (a retry or hedging handler, such as
/// <c>AddStandardResilienceHandler()</c>) tried to send a call that is not idempotent (a Run or an upload) a second
/// time. <see cref="WiroSigningHandler"/> refused it before any byte left: a second Run would start, and bill, a
/// second task. The first attempt's outcome is in the message.
/// </summary>
public sealed class WiroResendRefusedException : WiroApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which call was refused and what its first attempt got.</param>
    public WiroResendRefusedException(string message)
        : base(-1, message, null)
    {
    }
}
