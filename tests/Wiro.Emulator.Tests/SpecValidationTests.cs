namespace Wiro.Emulator.Tests;

/// <summary>Runs checked against the repo's LTX-Video spec and two hand-written specs (Specs/).</summary>
public sealed class SpecValidationTests
{
    private static readonly string Ltx = Spec("ltx-video-text2video.wiro.md");
    private static readonly string Robot = Spec("acme-robot.wiro.md");
    private static readonly string Face = Spec("acme-face.wiro.md");

    [Fact]
    public async Task A_run_that_matches_its_spec_is_accepted()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/wiroai/LTX-Video-Text2Video", LtxBody("""
            "prompt":"p","fps":24,"seed":"42","callbackUrl":"http://127.0.0.1:1/x","projectid":"7"
            """));
        var select = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":12,"scheduler":"","aspectRatio":"1:1"}""");

        Assert.Equal((200, 200), (answer.Status, select.Status));
    }

    [Fact]
    public async Task A_run_that_lacks_a_declared_key_is_a_400_naming_it()
    {
        await using var env = await StartAsync();

        var missing = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":12,"aspectRatio":"1:1"}""");
        var empty = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"","steps":"","scheduler":"","aspectRatio":""}""");

        Assert.Equal(400, missing.Status);
        Assert.Equal(0, missing.Error.Code);
        Assert.Contains("'scheduler'", missing.Error.Message, StringComparison.Ordinal);
        Assert.True(empty.Status == 200, empty.Text);
    }

    [Fact]
    public async Task An_unknown_parameter_is_a_400_naming_it()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/wiroai/LTX-Video-Text2Video", """{"prompt":"p","colour":"red"}""");

        Assert.Equal(400, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal(0, answer.Error.Code);
        Assert.Contains("'colour'", answer.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_input_given_text_is_a_400_naming_it()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/wiroai/LTX-Video-Text2Video", """{"fps":"fast"}""");

        Assert.Equal(400, answer.Status);
        Assert.Contains("'fps'", answer.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_select_value_outside_its_options_is_a_400_naming_it()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"aspectRatio":"7:5"}""");

        Assert.Equal(400, answer.Status);
        Assert.Equal(0, answer.Error.Code);
        Assert.Contains("'aspectRatio'", answer.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tool_is_a_404_with_code_1()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/acme/nothing", """{"prompt":"p"}""");

        Assert.Equal(404, answer.Status);
        Assert.Equal(1, answer.Error.Code);
    }

    [Fact]
    public async Task A_model_with_a_space_and_a_dot_is_found_by_its_escaped_path()
    {
        await using var env = await StartAsync();

        var good = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":"","scheduler":"DDIM","aspectRatio":""}""");
        var bad = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"scheduler":"Fastest"}""");

        Assert.True(good.Status == 200, good.Text);
        Assert.Equal(400, bad.Status);
        Assert.Contains("'scheduler'", bad.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_part_is_accepted_for_its_url_input()
    {
        await using var env = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent(""), "inputImageUrl" }, { new ByteArrayContent([1, 2]), "inputImage", "face.png" } };

        var answer = await env.Api.SendAsync(env.Api.Request("Run/acme/face-swap", form));

        Assert.True(answer.Status == 200, answer.Text);
    }

    [Fact]
    public async Task A_file_part_for_no_input_is_a_400_naming_it()
    {
        await using var env = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("p"), "prompt" }, { new ByteArrayContent([1]), "prompt2", "x.png" } };

        var answer = await env.Api.SendAsync(env.Api.Request("Run/wiroai/LTX-Video-Text2Video", form));

        Assert.Equal(400, answer.Status);
        Assert.Contains("'prompt2'", answer.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spec_stops_the_start()
    {
        var path = Path.Combine(Path.GetTempPath(), "not-a-spec-" + Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(path, "# Just a heading\n\nNo tool here.");
        try
        {
            await Assert.ThrowsAsync<ArgumentException>(() => WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [path] }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<Emulated> StartAsync() => Emulated.StartAsync(o => o.SpecFiles = [Ltx, Robot, Face]);

    private static string Spec(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", name);
        Assert.True(File.Exists(path), path);
        return path;
    }

    /// <summary>A run body with every key the LTX-Video spec declares, empty unless <paramref name="fields"/> sets it.</summary>
    private static string LtxBody(string fields)
    {
        var given = System.Text.Json.JsonDocument.Parse("{" + fields + "}").RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var rest = new[] { "prompt", "negativePrompt", "fps", "width", "height", "numFrames", "steps", "seed" }
            .Where(name => !given.Contains(name))
            .Select(name => $"\"{name}\":\"\"");
        return "{" + string.Join(",", rest.Prepend(fields.Trim())) + "}";
    }
}
