using System.Text.Json;
using Wiro.Specs;

namespace Wiro.Emulator.Tests;

/// <summary>
/// A Tool/Detail file (<c>.wiro.json</c>) beside a spec in <c>SpecFiles</c>: runs that break its required flags or
/// ranges are refused in Wiro's envelope with Wiro's validator messages, and Tool/Detail answers with them.
/// </summary>
public sealed class DetailValidationTests : IDisposable
{
    private const string RobotDetail = """
        {"result":true,"errors":[],"tool":[{"slugowner":"acme","slugproject":"Robot v4.0","parameters":[{"title":"Input","items":[
          {"id":"prompt","type":"textarea","required":true},
          {"id":"steps","type":"number","required":"false","min":"1","max":100,"step":1}
        ]}]}]}
        """;

    private const string FaceDetail = """{"tool":[{"parameters":[{"items":[{"id":"inputImage","type":"fileinput","required":"1"}]}]}]}""";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "wiro-detail-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    [Fact]
    public async Task A_required_input_sent_empty_is_refused_with_Wiros_message()
    {
        await using var env = await StartAsync();

        var empty = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"  ","steps":12,"scheduler":"Euler","aspectRatio":"1:1"}""");
        var given = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"a robot","steps":"","scheduler":"","aspectRatio":""}""");

        Assert.Equal(400, empty.Status);
        Assert.False(empty.Result);
        Assert.Equal((0, "Request parameter [prompt] required"), empty.Error);
        // steps is not required: "" is fine.
        Assert.True(given.Status == 200, given.Text);
    }

    [Fact]
    public async Task A_number_outside_its_range_is_refused_and_its_ends_are_accepted()
    {
        await using var env = await StartAsync();

        var low = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":0,"scheduler":"","aspectRatio":""}""");
        var high = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":"100.5","scheduler":"","aspectRatio":""}""");
        var first = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":1,"scheduler":"","aspectRatio":""}""");
        var last = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"p","steps":"100","scheduler":"","aspectRatio":""}""");

        Assert.Equal((400, 0, "Request parameter [steps] must be between 1 and 100"), (low.Status, low.Error.Code, low.Error.Message));
        Assert.Equal((400, "Request parameter [steps] must be between 1 and 100"), (high.Status, high.Error.Message));
        Assert.True(first.Status == 200, first.Text);
        Assert.True(last.Status == 200, last.Text);
    }

    [Fact]
    public async Task A_required_file_is_met_by_a_url_or_an_uploaded_part()
    {
        await using var env = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent(""), "inputImageUrl" }, { new ByteArrayContent([1, 2]), "inputImage", "face.png" } };

        var none = await env.Api.PostJsonAsync("Run/acme/face-swap", """{"inputImageUrl":""}""");
        var url = await env.Api.PostJsonAsync("Run/acme/face-swap", """{"inputImageUrl":"https://example.com/a.png"}""");
        var part = await env.Api.SendAsync(env.Api.Request("Run/acme/face-swap", form));

        Assert.Equal((400, "Request files [inputImage] required"), (none.Status, none.Error.Message));
        Assert.True(url.Status == 200, url.Text);
        Assert.True(part.Status == 200, part.Text);
    }

    [Fact]
    public async Task Tool_detail_answers_with_the_constraints_and_reads_back_to_the_same_model()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Tool/Detail", """{"slugowner":"acme","slugproject":"Robot v4.0"}""");

        Assert.Equal(200, answer.Status);
        var items = answer.Root.GetProperty("tool")[0].GetProperty("parameters")[0].GetProperty("items");
        var steps = items.EnumerateArray().Single(item => item.GetProperty("id").GetString() == "steps");
        Assert.Equal((false, 1, 100, 1), (steps.GetProperty("required").GetBoolean(), steps.GetProperty("min").GetInt32(), steps.GetProperty("max").GetInt32(), steps.GetProperty("step").GetInt32()));
        Assert.False(items.EnumerateArray().Single(item => item.GetProperty("id").GetString() == "scheduler").TryGetProperty("required", out _));

        var page = SpecParser.Parse("robot.wiro.md", await File.ReadAllTextAsync(Path.Combine(_folder, "acme__Robot v4.0.wiro.md")), CancellationToken.None).Spec!;
        var fromEmulator = DetailReader.Apply(page, DetailReader.Read("served.wiro.json", answer.Text, CancellationToken.None)).Spec;
        var fromFile = DetailReader.Apply(page, DetailReader.Read("saved.wiro.json", RobotDetail, CancellationToken.None)).Spec;
        Assert.Equal(fromFile.Inputs.Select(input => input.Constraints), fromEmulator.Inputs.Select(input => input.Constraints));
        Assert.True(fromFile.Inputs[0].Constraints.IsRequired);
    }

    [Fact]
    public async Task A_detail_file_that_cannot_be_read_stops_the_start_naming_it_and_its_line()
    {
        var spec = Copy("acme-robot.wiro.md", "acme__Robot v4.0.wiro.md");
        var detail = Path.Combine(_folder, "acme__Robot v4.0.wiro.json");
        await File.WriteAllTextAsync(detail, "{\n\"tool\": [\n  {\"parameters\": [}\n]}");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [spec] }));

        Assert.Contains(detail, refused.Message, StringComparison.Ordinal);
        Assert.Contains("WIRO019 at line 3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_detail_file_nothing_changes_and_a_detail_file_given_as_a_spec_is_skipped()
    {
        var spec = Copy("acme-robot.wiro.md", "acme__Robot v4.0.wiro.md");
        var stray = Path.Combine(_folder, "stray.wiro.json");
        await File.WriteAllTextAsync(stray, "not json");
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [spec, stray]);

        var empty = await env.Api.PostJsonAsync("Run/acme/Robot%20v4.0", """{"prompt":"","steps":0,"scheduler":"","aspectRatio":""}""");

        Assert.True(empty.Status == 200, empty.Text);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Emulated> StartAsync()
    {
        var robot = Copy("acme-robot.wiro.md", "acme__Robot v4.0.wiro.md");
        var face = Copy("acme-face.wiro.md", "acme__face-swap.wiro.md");
        await File.WriteAllTextAsync(SpecFiles.DetailPathFor(robot), RobotDetail);
        await File.WriteAllTextAsync(SpecFiles.DetailPathFor(face), FaceDetail);
        return await Emulated.StartAsync(o => o.SpecFiles = [robot, face]);
    }

    private string Copy(string name, string as_)
    {
        var path = Path.Combine(_folder, as_);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Specs", name), path, overwrite: true);
        return path;
    }
}
