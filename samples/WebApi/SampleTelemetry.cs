using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace WebApi;

/// <summary>OpenTelemetry for the sample: the client's <c>Wiro</c> source and meter, ASP.NET Core and HttpClient, on the console.</summary>
internal static class SampleTelemetry
{
    /// <summary>The name of the Wiro client's <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string WiroName = "Wiro";

    /// <summary>The source of the chat client's <c>gen_ai.*</c> spans (<c>UseOpenTelemetry</c> in Program).</summary>
    public const string ChatName = "WebApi.Chat";

    /// <summary>Exports traces as they end and metrics every ten seconds (the default minute is long for a demo).</summary>
    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Wiro.WebApi"))
            .WithTracing(tracing => tracing
                .AddSource(WiroName, ChatName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddConsoleExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(WiroName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000));
        return services;
    }
}
