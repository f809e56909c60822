using System.Buffers.Binary;
using System.Text;

namespace Wiro.Emulator.Tests;

/// <summary>With specs and default outputs, a task's output fits the tool's categories: video, sound, image, text or an LLM answer.</summary>
public sealed class CategoryOutputTests : IDisposable
{
    private static readonly string Ltx = Path.Combine(AppContext.BaseDirectory, "Specs", "ltx-video-text2video.wiro.md");
    private static readonly string Robot = Path.Combine(AppContext.BaseDirectory, "Specs", "acme-robot.wiro.md");

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "wiro-outputs-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    [Fact]
    public async Task A_text_to_video_tool_gives_a_playable_mp4()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Ltx]);

        var (output, bytes) = await RunAndDownloadAsync(env, "wiroai/LTX-Video-Text2Video", LtxBody);

        Assert.Equal(("0.mp4", "video/mp4"), (output.GetProperty("name").GetString(), output.GetProperty("contenttype").GetString()));
        var boxes = TopLevelBoxes(bytes);
        Assert.Equal("ftyp", boxes[0]);
        Assert.Contains("moov", boxes);
        Assert.Contains("mdat", boxes);
        // The sample description names an H.264 track, which every player decodes.
        Assert.Contains("avc1", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_to_speech_tool_gives_a_pcm_wav_that_is_not_silent()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Variant("acme/voice", "tool", "text-to-speech")]);

        var (output, wav) = await RunAndDownloadAsync(env, "acme/voice", RobotBody);

        Assert.Equal(("0.wav", "audio/wav"), (output.GetProperty("name").GetString(), output.GetProperty("contenttype").GetString()));
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(wav, 8, 8));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20)));
        Assert.Equal(8000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal("data", Encoding.ASCII.GetString(wav, 36, 4));
        Assert.Equal(wav.Length - 44, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
        Assert.Contains(Enumerable.Range(0, (wav.Length - 44) / 2), i => Math.Abs(BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + (2 * i)))) > 1000);
    }

    [Fact]
    public async Task Speech_to_text_gives_text_even_when_audio_is_also_a_category()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Variant("acme/whisper", "tool", "speech-to-text", "audio")]);

        var (output, text) = await RunAndDownloadAsync(env, "acme/whisper", RobotBody);

        Assert.Equal(("0.txt", "text/plain"), (output.GetProperty("name").GetString(), output.GetProperty("contenttype").GetString()));
        Assert.NotEmpty(Encoding.UTF8.GetString(text));
    }

    [Fact]
    public async Task An_llm_tool_answers_inline_with_its_prompt_and_no_url()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Variant("acme/chat", "llm", "tool", "chat")]);
        var taskId = await env.Api.RunAsync("acme/chat", RobotBody);
        env.Advance(20);

        var output = Assert.Single((await env.Api.DetailAsync(taskId)).GetProperty("outputs").EnumerateArray().ToList());

        Assert.Equal("raw", output.GetProperty("contenttype").GetString());
        Assert.False(output.TryGetProperty("url", out _));
        var content = output.GetProperty("content");
        Assert.Equal("p", content.GetProperty("prompt").GetString());
        Assert.StartsWith("You said \"p\".", string.Concat(content.GetProperty("answer").EnumerateArray().Select(a => a.GetString())), StringComparison.Ordinal);
        Assert.NotEmpty(content.GetProperty("thinking").EnumerateArray());
    }

    [Fact]
    public async Task An_image_tool_gives_a_png_and_outputs_set_in_the_options_win_over_categories()
    {
        await using var image = await Emulated.StartAsync(o => o.SpecFiles = [Robot]);
        await using var chosen = await Emulated.StartAsync(o =>
        {
            o.SpecFiles = [Ltx];
            o.Outputs = [WiroOutputFile.Text("0.txt", "mine")];
        });
        await using var added = await Emulated.StartAsync(o =>
        {
            o.SpecFiles = [Ltx];
            o.Outputs.Add(WiroOutputFile.Json("1.json", "{}"));
        });

        var (png, _) = await RunAndDownloadAsync(image, "acme/Robot%20v4.0", RobotBody);
        var (text, _) = await RunAndDownloadAsync(chosen, "wiroai/LTX-Video-Text2Video", LtxBody);
        var (first, _) = await RunAndDownloadAsync(added, "wiroai/LTX-Video-Text2Video", LtxBody);

        Assert.Equal("image/png", png.GetProperty("contenttype").GetString());
        Assert.Equal("0.txt", text.GetProperty("name").GetString());
        Assert.Equal("0.png", first.GetProperty("name").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string LtxBody = """{"prompt":"p","negativePrompt":"","numFrames":"","width":"","height":"","fps":"","steps":"","seed":""}""";

    [Theory]
    [InlineData("""{"prompt":"p","samples":3}""", 3)]
    [InlineData("""{"prompt":"p","samples":"2"}""", 2)]
    [InlineData("""{"prompt":"p","samples":500}""", 16)]   // the emulator's cap
    [InlineData("""{"prompt":"p","samples":0}""", 1)]
    [InlineData("""{"prompt":"p","samples":""}""", 1)]
    public async Task An_image_tool_makes_as_many_images_as_its_count_input_asks(string body, int expected)
    {
        var spec = Path.Combine(AppContext.BaseDirectory, "Specs", "acme-image.wiro.md");
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [spec]);

        // Every input is sent, as Wiro's form and the generated clients do.
        var taskId = await env.Api.RunAsync("acme/image", body.Replace("{", """{"inputImageUrl":"","inputImage2Url":"","negativePrompt":"","width":64,"height":64,"outputFormat":"png",""", StringComparison.Ordinal));
        env.Advance(20);
        var outputs = (await env.Api.DetailAsync(taskId)).GetProperty("outputs").EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(0, expected).Select(i => i + ".png"), outputs.Select(o => o.GetProperty("name").GetString()));
        Assert.All(outputs, o => Assert.Equal("image/png", o.GetProperty("contenttype").GetString()));
        var last = await env.Api.Http.GetByteArrayAsync(outputs[^1].GetProperty("url").GetString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], last[..4]);
    }

    private const string RobotBody = """{"prompt":"p","steps":12,"scheduler":"","aspectRatio":"1:1"}""";

    /// <summary>The Robot spec as another tool with other categories.</summary>
    private string Variant(string tool, params string[] categories)
    {
        var text = File.ReadAllText(Robot)
            .Replace("acme/Robot v4.0", tool, StringComparison.Ordinal)
            .Replace("  - text-to-image\n", string.Concat(categories.Select(c => $"  - {c}\n")), StringComparison.Ordinal);
        var path = Path.Combine(_folder, tool.Replace('/', '_') + ".wiro.md");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(System.Text.Json.JsonElement Output, byte[] Bytes)> RunAndDownloadAsync(Emulated env, string tool, string body)
    {
        var taskId = await env.Api.RunAsync(tool, body);
        env.Advance(20);
        var output = (await env.Api.DetailAsync(taskId)).GetProperty("outputs")[0];
        var bytes = await env.Api.Http.GetByteArrayAsync(output.GetProperty("url").GetString());
        Assert.Equal(output.GetProperty("size").GetString(), bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (output, bytes);
    }

    /// <summary>The types of the MP4's top-level boxes; their sizes must add up to the file.</summary>
    private static List<string> TopLevelBoxes(byte[] mp4)
    {
        var boxes = new List<string>();
        for (var at = 0; at < mp4.Length;)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
            Assert.InRange(size, 8u, (uint)(mp4.Length - at));
            boxes.Add(Encoding.ASCII.GetString(mp4, at + 4, 4));
            at += (int)size;
        }

        return boxes;
    }
}
