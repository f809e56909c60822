#pragma warning disable MEAI001 // The image and speech abstractions are experimental in Microsoft.Extensions.AI.
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// The image and speech adapters registered as an app does: the tool client from <c>AddWiro</c>, wrapped by
/// Microsoft.Extensions.AI's own <c>AddImageGenerator</c>, <c>AddSpeechToTextClient</c> and <c>AddTextToSpeechClient</c>
/// with its OpenTelemetry middleware on top, resolved from the container and run against the emulator. The middleware
/// finds the provider and the model through the adapter's <c>GetService</c>, and Wiro's own spans nest under its span.
/// </summary>
public sealed class AdapterRegistrationTests
{
    [Fact]
    public async Task An_image_generator_from_the_container_runs_under_the_gen_ai_span_with_provider_and_model()
    {
        await using var emulator = await StartEmulatorAsync("acme-image.wiro.md");
        using var spans = new GenAiSpans();
        await using var provider = Provider(emulator, services => services
            .AddImageGenerator(container => container.GetRequiredService<ImageClient>().AsIImageGenerator())
            .UseOpenTelemetry(sourceName: spans.SourceName));

        var response = await provider.GetRequiredService<IImageGenerator>().GenerateImagesAsync("a koala", new ImageGenerationOptions { Count = 2 });

        Assert.Equal(2, response.Contents.OfType<UriContent>().Count());
        spans.AssertOneSpanOver("acme/image", emulator);
    }

    [Fact]
    public async Task A_speech_to_text_client_from_the_container_runs_under_the_gen_ai_span_with_provider_and_model()
    {
        await using var emulator = await StartEmulatorAsync("acme-transcribe.wiro.md");
        using var spans = new GenAiSpans();
        await using var provider = Provider(emulator, services => services
            .AddSpeechToTextClient(container => container.GetRequiredService<TranscribeClient>().AsISpeechToTextClient())
            .UseOpenTelemetry(sourceName: spans.SourceName));
        byte[] wav = [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0];

        var response = await provider.GetRequiredService<ISpeechToTextClient>().GetTextAsync(new MemoryStream(wav));

        Assert.Equal("Emulated transcript.", response.Text);
        spans.AssertOneSpanOver("acme/transcribe", emulator);
    }

    [Fact]
    public async Task A_text_to_speech_client_from_the_container_runs_under_the_gen_ai_span_with_provider_and_model()
    {
        await using var emulator = await StartEmulatorAsync("acme-speak.wiro.md");
        using var spans = new GenAiSpans();
        await using var provider = Provider(emulator, services => services
            .AddTextToSpeechClient(container => container.GetRequiredService<SpeakClient>().AsITextToSpeechClient())
            .UseOpenTelemetry(sourceName: spans.SourceName));

        var response = await provider.GetRequiredService<ITextToSpeechClient>().GetAudioAsync("Good morning.");

        var audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.StartsWith("audio/", audio.MediaType, StringComparison.Ordinal);
        Assert.True(audio.Data.Length > 0);
        spans.AssertOneSpanOver("acme/speak", emulator);
    }

    private static Task<WiroEmulator> StartEmulatorAsync(string spec)
        => WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            StatusStepDuration = TimeSpan.FromMilliseconds(15),
            SpecFiles = [Path.Combine(AppContext.BaseDirectory, spec)],
        });

    /// <summary>The container an app builds: <c>AddWiro</c> pointed at the emulator, then the registration under test.</summary>
    private static ServiceProvider Provider(WiroEmulator emulator, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        var test = TestEnvironment.Options(emulator);
        services.AddWiro(options =>
        {
            options.ApiKey = test.ApiKey;
            options.ApiSecret = test.ApiSecret;
            options.BaseAddress = test.BaseAddress;
            options.UseWebSocket = false;
            options.PollingInterval = test.PollingInterval;
            options.MaxPollingInterval = test.MaxPollingInterval;
        });
        register(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The spans of one test: Microsoft.Extensions.AI's, from a source named for this test alone, and Wiro's whose
    /// trace is one of them (other tests' Wiro spans, in their own traces, are left out).
    /// </summary>
    private sealed class GenAiSpans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<Activity> _stopped = [];

        public GenAiSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == SourceName || source.Name == WiroTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (_stopped)
                    {
                        _stopped.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public string SourceName { get; } = "wiro-adapter-registration-" + Guid.NewGuid().ToString("N");

        /// <summary>
        /// One gen_ai span naming provider <c>wiro</c> and <paramref name="model"/> (which Microsoft.Extensions.AI
        /// reads from the adapter's metadata), with the client's Run call to the emulator among its children.
        /// </summary>
        public void AssertOneSpanOver(string model, WiroEmulator emulator)
        {
            List<Activity> stopped;
            lock (_stopped)
            {
                stopped = [.. _stopped];
            }

            var genAi = Assert.Single(stopped, activity => activity.Source.Name == SourceName);
            Assert.Equal("wiro", genAi.GetTagItem("gen_ai.provider.name"));
            Assert.Equal(model, genAi.GetTagItem("gen_ai.request.model"));
            Assert.Equal(emulator.BaseAddress.Host, genAi.GetTagItem("server.address"));
            var wiro = stopped.Where(activity => activity.Source.Name == WiroTelemetry.Name && activity.TraceId == genAi.TraceId).ToList();
            Assert.Contains(wiro, activity => activity.ParentSpanId == genAi.SpanId && activity.DisplayName.Contains("Run", StringComparison.Ordinal));
        }

        public void Dispose() => _listener.Dispose();
    }
}
