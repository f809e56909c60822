using Wiro.Emulator;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro add --detail</c>: the page and its signed Tool/Detail answer, against servers on 127.0.0.1.</summary>
public sealed class AddDetailTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["WIRO_API_KEY"] = "k", ["WIRO_API_SECRET"] = "s" };

    private const string RobotDetail = """
        {"result":true,"errors":[],"tool":[{"parameters":[{"title":"Input","items":[
          {"id":"prompt","required":true},
          {"id":"steps","required":"true","min":"1","max":150,"step":1}
        ]}]}]}
        """;

    [Fact]
    public async Task Add_detail_saves_the_signed_tool_detail_answer_beside_the_page_and_the_build_reads_it()
    {
        using var workspace = new Workspace();
        var spec = workspace.ServerSpec("acme__Robot v4.0.wiro.md", await File.ReadAllTextAsync(Workspace.RobotSpec));
        await File.WriteAllTextAsync(SpecFiles.DetailPathFor(spec), RobotDetail);
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = [spec] });
        var output = Path.Combine(workspace.Root, "specs");
        string[] add = ["add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(emulator), "--api", emulator.BaseAddress.AbsoluteUri];

        var result = await WiroCli.RunAsync(Credentials, add);
        var again = await WiroCli.RunAsync(Credentials, add);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("acme__Robot v4.0.wiro.json (2 required, 1 with a range)", result.Out, StringComparison.Ordinal);
        var detailPath = Path.Combine(output, "acme__Robot v4.0.wiro.json");
        var pagePath = Path.Combine(output, "acme__Robot v4.0.wiro.md");
        Assert.Equal([detailPath, pagePath], Directory.GetFiles(output).Order(StringComparer.Ordinal));
        // The Tool/Detail call was signed like every API call, and only API calls carry a key.
        var detailCalls = emulator.Requests.Where(request => request.Path.EndsWith("/Tool/Detail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, detailCalls.Count);
        Assert.All(detailCalls, call => Assert.True(call.HasSignature && call.ApiKey == "k"));
        Assert.Equal(["acme", "Robot v4.0"], [detailCalls[0].Fields["slugowner"].Single(), detailCalls[0].Fields["slugproject"].Single()]);
        Assert.All(emulator.Requests.Where(request => request.Path.EndsWith("llms.txt", StringComparison.Ordinal)), page => Assert.Null(page.ApiKey));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(2, again.Out.Split('\n').Count(line => line.Contains("is up to date", StringComparison.Ordinal)));

        // The saved pair, read as the build reads it: the page's inputs with the detail's constraints.
        var page = SpecParser.Parse(pagePath, await File.ReadAllTextAsync(pagePath), CancellationToken.None).Spec!;
        var saved = DetailReader.Read(detailPath, await File.ReadAllTextAsync(detailPath), CancellationToken.None);
        Assert.Empty(saved.Diagnostics);
        var steps = DetailReader.Apply(page, saved).Spec.Inputs.Single(input => input.Name == "steps").Constraints;
        Assert.Equal(new InputConstraints(true, 1, 150, 1), steps);
        var run = GeneratorHarness.Run([new SpecInput(pagePath, await File.ReadAllTextAsync(pagePath)), new SpecInput(detailPath, await File.ReadAllTextAsync(detailPath))]);
        Assert.Empty(run.CompilerProblems);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("From 1 to 150, step 1.", run.Sources.Single(pair => pair.Key.Contains("RobotV40", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_detail_without_a_key_is_exit_code_6_and_saves_nothing()
    {
        using var workspace = new Workspace();
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        var output = workspace.Folder("specs");

        var result = await WiroCli.RunAsync("add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(emulator), "--api", emulator.BaseAddress.AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Unauthorized, result.ToString());
        Assert.Contains("WIRO_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Refused_credentials_are_exit_code_6_and_neither_file_is_written()
    {
        using var workspace = new Workspace();
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = [Workspace.RobotSpec] });
        var output = workspace.Folder("specs");
        var wrong = new Dictionary<string, string> { ["WIRO_API_KEY"] = "k", ["WIRO_API_SECRET"] = "wrong-secret" };

        var result = await WiroCli.RunAsync(wrong, "add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(emulator), "--api", emulator.BaseAddress.AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Unauthorized, result.ToString());
        Assert.DoesNotContain("wrong-secret", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    public static TheoryData<string, string> HostileAnswers() => new()
    {
        { "not shaped as Tool/Detail", """{"result":true,"tool":"robot"}""" },
        { "an inverted range only", """{"result":true,"tool":[{"parameters":[{"items":[{"id":"steps","min":9,"max":1}]}]}]}""" },
        { "not JSON", "<html>maintenance</html>" },
        { "nested too deep", "{\"result\":true,\"tool\":" + new string('[', 200) + new string(']', 200) + "}" },
    };

    [Theory]
    [MemberData(nameof(HostileAnswers))]
    public async Task A_tool_detail_answer_the_build_cannot_read_is_exit_code_4_and_saves_nothing(string name, string answer)
    {
        using var workspace = new Workspace();
        await using var pages = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        await using var api = ScriptedServer.Serving("200 OK", "application/json", answer);
        var output = workspace.Folder("specs");

        var result = await WiroCli.RunAsync(Credentials, "add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(pages), "--api", new Uri(api.Address, "v1/").AbsoluteUri);

        if (name == "an inverted range only")
        {
            // A value the build leaves out is a warning, as in the build; the file is still saved.
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning WIRO020", result.Out, StringComparison.Ordinal);
            Assert.Equal(2, Directory.GetFiles(output).Length);
            return;
        }

        Assert.True(result.ExitCode == ExitCodes.Unreachable, name + ": " + result);
        Assert.Single(result.ErrorLines);
        Assert.Empty(Directory.GetFiles(output));
        Assert.Equal("POST /v1/Tool/Detail HTTP/1.1", Assert.Single(api.Requests).RequestLine);
    }

    [Fact]
    public async Task A_tool_detail_that_does_not_know_the_tool_is_exit_code_3()
    {
        using var workspace = new Workspace();
        await using var pages = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        await using var api = ScriptedServer.Serving("404 Not Found", "application/json", """{"result":false,"errors":[{"code":1,"message":"Tool not found."}]}""");
        var output = workspace.Folder("specs");

        var result = await WiroCli.RunAsync(Credentials, "add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(pages), "--api", new Uri(api.Address, "v1/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.UnknownTool, result.ToString());
        Assert.Contains("Tool not found.", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task A_changed_detail_file_is_kept_without_force_and_replaced_with_it()
    {
        using var workspace = new Workspace();
        var spec = workspace.ServerSpec("acme__Robot v4.0.wiro.md", await File.ReadAllTextAsync(Workspace.RobotSpec));
        await File.WriteAllTextAsync(SpecFiles.DetailPathFor(spec), RobotDetail);
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = [spec] });
        var output = workspace.Folder("specs");
        string[] add = ["add", "acme/Robot v4.0", "--detail", "--out", output, "--source", Root(emulator), "--api", emulator.BaseAddress.AbsoluteUri];
        await WiroCli.RunAsync(Credentials, add);
        var detailPath = Path.Combine(output, "acme__Robot v4.0.wiro.json");
        await File.WriteAllTextAsync(detailPath, "{}");

        var refused = await WiroCli.RunAsync(Credentials, add);
        var kept = await File.ReadAllTextAsync(detailPath);
        var forced = await WiroCli.RunAsync(Credentials, [.. add, "--force"]);

        Assert.True(refused.ExitCode == ExitCodes.Conflict, refused.ToString());
        Assert.Equal("{}", kept);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("\"required\": true", await File.ReadAllTextAsync(detailPath), StringComparison.Ordinal);
    }

    private static string Root(WiroEmulator emulator) => new Uri(emulator.BaseAddress, "/").AbsoluteUri;
}
