using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>
/// The sample as its Program builds it, on the factory's in-memory server, with the settings a test gives (as
/// <c>UseSetting</c>, so Program reads them before it decides on the emulator), every log line kept at Trace and
/// every finished activity kept by the sample's own OpenTelemetry pipeline.
/// </summary>
public sealed class SampleApp(params (string Key, string? Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>
    /// The sample on its emulator with this key and secret (signature mode). Set explicitly, so a WIRO_API_KEY in
    /// the environment never sends a test's runs to the real API.
    /// </summary>
    public static SampleApp OnEmulator(string apiKey = "webapi-test-key", string apiSecret = "webapi-test-secret")
        => new(("Emulator:Enabled", "true"), ("Wiro:ApiKey", apiKey), ("Wiro:ApiSecret", apiSecret));

    public CapturedLogs Logs { get; } = new();

    public LockedCollection<Activity> Activities { get; } = new();

    /// <summary>The emulator the sample started (it starts one only without an API key, or with Emulator:Enabled).</summary>
    public WiroEmulator Emulator => Services.GetRequiredService<WiroEmulator>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Activities)));
    }
}
