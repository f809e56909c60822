using Wiro.Emulator;

namespace WebApi;

/// <summary>
/// Starts the built-in Wiro emulator when no API key is configured, and points the <c>Wiro</c> options at it, so
/// the sample runs with no account and no network. <c>Emulator:Enabled</c> forces it on (with the configured key
/// and secret, which the emulator then requires) or off (a missing key then fails the start).
/// </summary>
internal static class LocalEmulator
{
    private const string SampleKey = "sample-key";
    private const string SampleSecret = "sample-secret";

    /// <summary>Starts the emulator when it is wanted; it stops when the app's services are disposed.</summary>
    /// <returns>The running emulator, or null when the sample talks to the configured Wiro API.</returns>
    public static async Task<WiroEmulator?> StartWithoutApiKeyAsync(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configuredKey = configuration["Wiro:ApiKey"];
        if (!(configuration.GetValue<bool?>("Emulator:Enabled") ?? string.IsNullOrEmpty(configuredKey)))
        {
            return null;
        }

        var key = string.IsNullOrEmpty(configuredKey) ? SampleKey : configuredKey;
        var secret = configuration["Wiro:ApiSecret"] is { Length: > 0 } configuredSecret ? configuredSecret : SampleSecret;
        var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            ApiKey = key,
            ApiSecret = secret,
            SpecFiles = [Path.Combine(AppContext.BaseDirectory, "ltx-video-text2video.wiro.md")],
        });

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wiro:ApiKey"] = key,
            ["Wiro:ApiSecret"] = secret,
            ["Wiro:BaseAddress"] = emulator.BaseAddress.AbsoluteUri,
            ["Wiro:WebSocketAddress"] = emulator.WebSocketAddress.AbsoluteUri,
        });

        // Registered by a factory, so the container owns it and disposes it (stopping Kestrel) with the app.
        builder.Services.AddSingleton(_ => emulator);
        return emulator;
    }
}
