using Microsoft.Extensions.Options;
using Wiro;
using Wiro.Emulator;

namespace WebApi;

/// <summary>
/// The built-in Wiro emulator, used when no API key is configured, so the sample runs with no account and no
/// network. <c>Emulator:Enabled</c> forces it on (with the configured key and secret, which it then requires) or
/// off (a missing key then fails the start). It starts after the app is built and before it runs, because its
/// address is known only once it listens and the Wiro options that point at it are read when the host starts.
/// </summary>
internal sealed class LocalEmulator(WiroEmulatorOptions options) : IAsyncDisposable
{
    private readonly WiroEmulatorOptions _options = options;

    private const string SampleKey = "sample-key";
    private const string SampleSecret = "sample-secret";

    private WiroEmulator? _emulator;

    private WiroEmulator Running => _emulator ?? throw new InvalidOperationException("The built-in Wiro emulator has not started yet.");

    /// <summary>Registers the emulator when it is wanted, and points the default Wiro options at it.</summary>
    public static void AddWithoutApiKey(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configuredKey = configuration["Wiro:ApiKey"];
        if (!(configuration.GetValue<bool?>("Emulator:Enabled") ?? string.IsNullOrEmpty(configuredKey)))
        {
            return;
        }

        var key = string.IsNullOrEmpty(configuredKey) ? SampleKey : configuredKey;
        var secret = configuration["Wiro:ApiSecret"] is { Length: > 0 } configuredSecret ? configuredSecret : SampleSecret;
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Wiro:ApiKey"] = key, ["Wiro:ApiSecret"] = secret });
        var local = new LocalEmulator(new WiroEmulatorOptions
        {
            ApiKey = key,
            ApiSecret = secret,
            SpecFiles = [Path.Combine(AppContext.BaseDirectory, "ltx-video-text2video.wiro.md"), Path.Combine(AppContext.BaseDirectory, "wiro-chat.wiro.md")],
        });

        // Registered by factories, so the container disposes them (stopping the emulator) with the app.
        builder.Services.AddSingleton(_ => local);
        builder.Services.AddSingleton(provider => provider.GetRequiredService<LocalEmulator>().Running);
        builder.Services.PostConfigure<WiroClientOptions>(Options.DefaultName, wiro =>
        {
            wiro.BaseAddress = local.Running.BaseAddress;
            wiro.WebSocketAddress = local.Running.WebSocketAddress;
        });
    }

    /// <summary>Starts the emulator if <see cref="AddWithoutApiKey"/> registered it; call it between Build and Run.</summary>
    public static async Task StartIfAddedAsync(WebApplication app)
    {
        if (app.Services.GetService<LocalEmulator>() is { } local)
        {
            local._emulator = await WiroEmulator.StartAsync(local._options, app.Lifetime.ApplicationStopping);
            app.Logger.LogInformation("No Wiro API key is configured: using the built-in Wiro emulator at {Address}", local._emulator.BaseAddress);
        }
    }

    public ValueTask DisposeAsync() => _emulator?.DisposeAsync() ?? ValueTask.CompletedTask;
}
