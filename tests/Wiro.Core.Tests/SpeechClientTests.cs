#pragma warning disable MEAI001 // The speech abstractions are experimental in Microsoft.Extensions.AI.
using Microsoft.Extensions.AI;
using Wiro.Emulator;
using Wiro.Specs;

namespace Wiro.Core.Tests;

/// <summary>
/// <see cref="WiroSpeechToTextClient"/> and <see cref="WiroTextToSpeechClient"/> against the emulator's speech tools
/// over real sockets: the audio is uploaded to the audio input and the transcript read back; the text, voice, model and
/// speed go to their inputs and the audio comes back as bytes; what a tool cannot take is traced.
/// </summary>
public sealed class SpeechClientTests
{
    private static readonly string TranscribeSpec = Path.Combine(AppContext.BaseDirectory, "acme-transcribe.wiro.md");
    private static readonly string SpeakSpec = Path.Combine(AppContext.BaseDirectory, "acme-speak.wiro.md");

    private static readonly byte[] Wav = [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0];

    [Fact]
    public async Task Speech_to_text_uploads_the_audio_sends_the_language_by_name_and_reads_the_transcript()
    {
        await using var env = await StartAsync();
        using var speech = env.Client.Transcribe.AsISpeechToTextClient();
        using var traced = new TracedCall();

        var response = await speech.GetTextAsync(new MemoryStream(Wav), new SpeechToTextOptions { SpeechLanguage = "en-US", SpeechSampleRate = 16000 });

        var upload = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/File/Upload");
        Assert.Equal(("audio.wav", (long)Wav.Length), (upload.Files.Single().FileName, upload.Files.Single().Length));
        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/transcribe");
        using var http = new HttpClient();
        Assert.Equal(Wav, await http.GetByteArrayAsync(run.Fields["inputAudioUrl"].Single()));
        Assert.Equal(["English"], run.Fields["language"]);

        var result = Assert.IsType<WiroTaskResult>(response.RawRepresentation);
        Assert.Equal("Emulated transcript.", response.Text);
        Assert.Equal((result.Task.Id, "acme/transcribe"), (response.ResponseId, response.ModelId));
        Assert.Equal(result.Task.TotalCost, response.AdditionalProperties?[WiroChatClient.CostKey]);
        Assert.Equal([("SpeechSampleRate", "the tool has no input for it")], traced.Ignored(WiroSpeechToTextClient.IgnoredOptionEvent));
    }

    [Fact]
    public async Task A_file_stream_is_uploaded_under_its_own_name_and_streaming_yields_the_same_text()
    {
        await using var env = await StartAsync();
        using var speech = env.Client.Transcribe.AsISpeechToTextClient();
        var path = Path.Combine(Path.GetTempPath(), "wiro-speech-" + Guid.NewGuid().ToString("N") + ".mp3");
        await File.WriteAllBytesAsync(path, [.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0]);
        try
        {
            await using var file = File.OpenRead(path);
            var updates = await speech.GetStreamingTextAsync(file, new SpeechToTextOptions { SpeechLanguage = "fr" }).ToListAsync();

            Assert.Equal("Emulated transcript.", updates.ToSpeechToTextResponse().Text);
            Assert.Equal(Path.GetFileName(path), Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/File/Upload").Files.Single().FileName);
            Assert.Equal(["French"], Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/transcribe").Fields["language"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Text_to_speech_sends_the_voice_by_label_the_model_and_speed_and_returns_the_audio_bytes()
    {
        await using var env = await StartAsync();
        using var tts = env.Client.Speak.AsITextToSpeechClient();
        using var traced = new TracedCall();

        var response = await tts.GetAudioAsync("Good morning.", new TextToSpeechOptions { VoiceId = "drew", ModelId = "eleven_v3", Speed = 1.25f, Pitch = 2, Language = "en" });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/speak");
        Assert.Equal(["Good morning."], run.Fields["prompt"]);
        Assert.Equal(["29vD33N1CtxCmqQRPOHJ"], run.Fields["voice"]);
        Assert.Equal(["eleven_v3"], run.Fields["model"]);
        Assert.Equal(["1.25"], run.Fields["speed"]);

        var result = Assert.IsType<WiroTaskResult>(response.RawRepresentation);
        var audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        var output = Assert.Single(result.Outputs);
        Assert.Same(output, audio.RawRepresentation);
        Assert.Equal((output.ContentType, output.Name), (audio.MediaType, audio.Name));
        Assert.StartsWith("audio/", audio.MediaType, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(await http.GetByteArrayAsync(output.Url), audio.Data.ToArray());
        Assert.Equal((result.Task.Id, "acme/speak"), (response.ResponseId, response.ModelId));
        Assert.Equal(
            [("Language", "the tool has no input for it"), ("Pitch", "the tool has no input for it")],
            traced.Ignored(WiroTextToSpeechClient.IgnoredOptionEvent));

        var streamed = await tts.GetStreamingAudioAsync("Good morning.").ToListAsync();
        Assert.Equal(audio.Data.ToArray(), Assert.IsType<DataContent>(Assert.Single(streamed.ToTextToSpeechResponse().Contents)).Data.ToArray());
    }

    [Fact]
    public async Task A_voice_the_tool_does_not_have_is_traced_and_the_page_default_is_sent()
    {
        await using var env = await StartAsync();
        using var tts = env.Client.Speak.AsITextToSpeechClient();
        using var traced = new TracedCall();

        await tts.GetAudioAsync("Hello.", new TextToSpeechOptions { VoiceId = "Nobody", ModelId = "acme/speak" });

        Assert.Equal(["21m00Tcm4TlvDq8ikWAM"], Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/speak").Fields["voice"]);
        Assert.Equal([("VoiceId", "the tool's input cannot take the value")], traced.Ignored(WiroTextToSpeechClient.IgnoredOptionEvent));
    }

    [Fact]
    public async Task Failed_tasks_are_typed_exceptions_and_no_text_is_refused_before_a_run()
    {
        await using var env = await StartAsync();
        using var speech = env.Client.Transcribe.AsISpeechToTextClient();
        using var tts = env.Client.Speak.AsITextToSpeechClient();

        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "Audio could not be decoded"));
        var failed = await Assert.ThrowsAsync<WiroTaskFailedException>(() => speech.GetTextAsync(new MemoryStream(Wav)));
        Assert.Contains("Audio could not be decoded", failed.Message, StringComparison.Ordinal);

        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "Voice unavailable"));
        Assert.Contains("Voice unavailable", (await Assert.ThrowsAsync<WiroTaskFailedException>(() => tts.GetAudioAsync("Hello."))).Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ArgumentException>(() => tts.GetAudioAsync(""));
        Assert.Equal(2, env.Emulator.Requests.Count(r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_generated_descriptors_are_what_the_spec_layer_plans()
    {
        var transcribe = Plan(TranscribeSpec);
        var speak = Plan(SpeakSpec);

        var stt = SpeechPlanner.PlanSpeechToText(transcribe.Spec, transcribe.Function)!;
        Assert.Equal(("inputAudioUrl", "language"), (stt.AudioInput, stt.LanguageInput));
        Assert.Equal((stt.AudioInput, stt.LanguageInput), (TranscribeClient.SpeechToTextDescriptor.AudioInput, TranscribeClient.SpeechToTextDescriptor.LanguageInput));
        Assert.Equal(stt.LanguageChoices.Select(c => KeyValuePair.Create(c.Label, c.Value)), TranscribeClient.SpeechToTextDescriptor.LanguageChoices);
        Assert.Null(SpeechPlanner.PlanTextToSpeech(transcribe.Spec, transcribe.Function));

        var tts = SpeechPlanner.PlanTextToSpeech(speak.Spec, speak.Function)!;
        var generated = SpeakClient.TextToSpeechDescriptor;
        Assert.Equal(("prompt", "voice", "model", null, "speed", null), (tts.TextInput, tts.VoiceInput, tts.ModelInput, tts.LanguageInput, tts.SpeedInput, tts.FormatInput));
        Assert.Equal(
            (tts.TextInput, tts.VoiceInput, tts.ModelInput, tts.LanguageInput, tts.SpeedInput, tts.FormatInput),
            (generated.TextInput, generated.VoiceInput, generated.ModelInput, generated.LanguageInput, generated.SpeedInput, generated.FormatInput));
        Assert.Equal(tts.VoiceChoices.Select(c => KeyValuePair.Create(c.Label, c.Value)), generated.VoiceChoices);
        Assert.Null(SpeechPlanner.PlanSpeechToText(speak.Spec, speak.Function));

        using var client = new WiroClient(new WiroClientOptions { ApiKey = "k" });
        Assert.Equal("acme/transcribe", client.Transcribe.AsISpeechToTextClient().GetService<SpeechToTextClientMetadata>()!.DefaultModelId);
        Assert.Equal("acme/speak", client.Speak.AsITextToSpeechClient().GetService<TextToSpeechClientMetadata>()!.DefaultModelId);
    }

    private static (ToolSpec Spec, FunctionPlan Function) Plan(string path)
    {
        var spec = SpecParser.Parse(path, File.ReadAllText(path), CancellationToken.None).Spec!;
        var (plan, _) = ToolPlanner.Plan(spec, null, [], CancellationToken.None);
        return (spec, FunctionPlanner.Plan(spec, plan));
    }

    private static Task<TestEnvironment> StartAsync()
        => TestEnvironment.StartAsync(emulator: options =>
        {
            options.SpecFiles.Add(TranscribeSpec);
            options.SpecFiles.Add(SpeakSpec);
        });
}
