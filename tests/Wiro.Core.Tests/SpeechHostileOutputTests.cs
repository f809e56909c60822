#pragma warning disable MEAI001 // The speech abstractions are experimental in Microsoft.Extensions.AI.
using System.Text;
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>
/// The speech clients in front of a server whose task lists the wrong outputs. Speech-to-text reads a transcript only
/// from a text file on http(s) or an LLM answer, else takes the task's <c>debugoutput</c>, and fetches nothing else.
/// Text-to-speech without a file to return is <see cref="WiroMalformedResponseException"/>; with files of which none is
/// audio it returns them as they are described (its documented fallback), and with audio among them only the audio is
/// fetched.
/// </summary>
public sealed class SpeechHostileOutputTests
{
    private const string Log = "Transcript from the log.";

    private static readonly byte[] Wav = [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8];

    public static TheoryData<string> NoTranscript => new()
    {
        HostileApi.Output("0.txt", "text/plain", "file:///etc/passwd"),
        HostileApi.Output("0.txt", "text/plain", "ftp://127.0.0.1:9/0.txt"),
        HostileApi.Output("0.txt", "text/plain", "javascript:alert(1)"),
        HostileApi.Output("0.txt", "text/plain", ""),
        HostileApi.Output("0.wav", "audio/wav", "{cdn}0.wav"),
        HostileApi.Output("0.json", "application/json", "{cdn}0.json"),
        HostileApi.Inline("""{"answer":5}"""),
        HostileApi.Inline("""{"answer":["a",{"b":1}]}"""),
        HostileApi.Inline("\"a transcript as a bare string\""),
        HostileApi.Inline("""{"text":"whisper's own shape"}""", "application/json"),
        "1",
        "null",
        "\"0.txt\"",
    };

    [Theory]
    [MemberData(nameof(NoTranscript))]
    public async Task Speech_to_text_with_no_text_output_answers_from_debugoutput_and_fetches_nothing(string output)
    {
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, "not a transcript"u8.ToArray(), "text/plain"));
        await using var api = HostileApi.Start(HostileApi.Task($"[{output.Replace("{cdn}", cdn.Address.ToString(), StringComparison.Ordinal)}]", debugOutput: Log));
        using var client = HostileApi.Client(api);
        using var transcriber = client.Transcribe.AsISpeechToTextClient();

        var response = await transcriber.GetTextAsync(new MemoryStream(Wav)).WaitAsync(DownloadingAdapters.Bound);

        Assert.Equal(Log, response.Text);
        Assert.Equal(0, cdn.Connections);
        Assert.DoesNotContain(api.Received, r => r.Method == "GET");
    }

    [Fact]
    public async Task Speech_to_text_with_no_output_and_no_log_is_an_empty_transcript()
    {
        await using var api = HostileApi.Start(HostileApi.Task());
        using var client = HostileApi.Client(api);
        using var transcriber = client.Transcribe.AsISpeechToTextClient();

        var response = await transcriber.GetTextAsync(new MemoryStream(Wav)).WaitAsync(DownloadingAdapters.Bound);

        Assert.Equal("", response.Text);
        Assert.Equal(HostileApi.TaskId, response.ResponseId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[1,\"x\",null]")]
    [InlineData("{\"0\":{\"url\":\"http://127.0.0.1:9/0.wav\"}}")]
    [InlineData("\"http://127.0.0.1:9/0.wav\"")]
    public async Task Text_to_speech_whose_task_made_no_file_is_malformed(string outputs)
    {
        await using var api = HostileApi.Start(HostileApi.Task(outputs, debugOutput: "Audio written."));
        using var client = HostileApi.Client(api);
        using var speech = client.Speak.AsITextToSpeechClient();

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => speech.GetAudioAsync("Hello.").WaitAsync(DownloadingAdapters.Bound));

        Assert.Contains($"Task {HostileApi.TaskId} of acme/speak", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html", "text/html")]
    [InlineData("raw", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData("audio", "application/octet-stream")]
    [InlineData("audio/wav/../html", "application/octet-stream")]
    [InlineData("video/mp4; codecs=\"avc1\"", "video/mp4")]
    public async Task Text_to_speech_with_no_audio_output_returns_the_file_as_described(string contentType, string mediaType)
    {
        var body = "<html>not audio</html>"u8.ToArray();
        await using var cdn = HostileServer.Start((_, stream, _) => HostileServer.WriteAsync(stream, 200, body, "audio/wav"));
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Output("0.html", contentType, new Uri(cdn.Address, "0.html").ToString(), body.Length)}]"));
        using var client = HostileApi.Client(api);
        using var speech = client.Speak.AsITextToSpeechClient();

        var response = await speech.GetAudioAsync("Hello.").WaitAsync(DownloadingAdapters.Bound);

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal((mediaType, "0.html"), (data.MediaType, data.Name));
        Assert.Equal(body, data.Data.ToArray());
    }

    [Fact]
    public async Task Text_to_speech_fetches_only_the_audio_among_other_files()
    {
        await using var cdn = HostileServer.Start((request, stream, _) => HostileServer.WriteAsync(stream, 200, Encoding.ASCII.GetBytes(request.Target), "application/octet-stream"));
        var outputs = string.Join(',',
            HostileApi.Output("page.html", "text/html", new Uri(cdn.Address, "page.html").ToString()),
            HostileApi.Output("0.mp3", "audio/mpeg", new Uri(cdn.Address, "0.mp3").ToString()),
            HostileApi.Output("huge.bin", "application/octet-stream", new Uri(cdn.Address, "huge.bin").ToString(), 1L << 40),
            HostileApi.Inline("""{"answer":["not audio"]}"""));
        await using var api = HostileApi.Start(HostileApi.Task($"[{outputs}]"));
        using var client = HostileApi.Client(api);
        using var speech = client.Speak.AsITextToSpeechClient();

        var response = await speech.GetAudioAsync("Hello.").WaitAsync(DownloadingAdapters.Bound);

        var audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(("audio/mpeg", "/0.mp3"), (audio.MediaType, Encoding.ASCII.GetString(audio.Data.Span)));
        Assert.Equal(["/0.mp3"], cdn.Received.Select(r => r.Target));
    }
}
