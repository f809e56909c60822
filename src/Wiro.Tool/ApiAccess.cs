namespace Wiro.Tool;

/// <summary>
/// Wiro's API as a command reaches it: the <c>--api</c> address and the credentials in <c>WIRO_API_KEY</c> and
/// <c>WIRO_API_SECRET</c> (key only when no secret is set). Every signed call of the tool starts here, so the rules
/// on both live once: a key is required, and plain http is allowed only to a loopback address, so credentials never
/// cross a network in clear.
/// </summary>
/// <param name="Api">The API base address.</param>
/// <param name="Key">The API key.</param>
/// <param name="Secret">The API secret; null for a key-only project.</param>
internal sealed record ApiAccess(Uri Api, string Key, string? Secret)
{
    /// <summary>Wiro's API.</summary>
    public const string DefaultApi = "https://api.wiro.ai/v1/";

    /// <summary>The access a command was given; exit 6 without a key, exit 1 for an address the rules refuse.</summary>
    /// <param name="console">Where the environment is read.</param>
    /// <param name="apiText">The <c>--api</c> value.</param>
    /// <param name="purpose">What the key is for, to finish the sentence "set WIRO_API_KEY ... to".</param>
    public static ApiAccess From(ToolConsole console, string apiText, string purpose)
    {
        var key = console.Environment("WIRO_API_KEY");
        if (string.IsNullOrEmpty(key))
        {
            throw new WiroToolException(ExitCodes.Unauthorized, $"set WIRO_API_KEY (and WIRO_API_SECRET for a signature project) to {purpose}.");
        }

        var api = PageSource.ParseAddress(apiText, "--api");
        // The core checks this too; checked here first so the message names the option.
        if (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback))
        {
            throw new WiroToolException(ExitCodes.Usage, $"--api must be https (plain http only to a loopback address), not '{api}'.");
        }

        var secret = console.Environment("WIRO_API_SECRET");
        return new ApiAccess(api, key, string.IsNullOrEmpty(secret) ? null : secret);
    }

    /// <summary>A client core for this access; <paramref name="configure"/> sets the command's own options.</summary>
    /// <exception cref="WiroToolException">Exit 6: a credential the core refuses (a key pasted with its line break would break headers).</exception>
    public WiroClient CreateClient(Action<WiroClientOptions> configure)
    {
        var options = new WiroClientOptions { ApiKey = Key, ApiSecret = Secret, BaseAddress = Api };
        configure(options);
        try
        {
            return new WiroClient(options);
        }
        catch (ArgumentException exception)
        {
            throw new WiroToolException(ExitCodes.Unauthorized, "WIRO_API_KEY or WIRO_API_SECRET cannot be used: " + exception.Message, exception);
        }
    }
}
