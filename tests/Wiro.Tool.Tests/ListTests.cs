using Wiro.Emulator;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro list</c> through the emulator's Tool/List, signed with WIRO_API_KEY and WIRO_API_SECRET.</summary>
public sealed class ListTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["WIRO_API_KEY"] = "k", ["WIRO_API_SECRET"] = "s" };

    [Fact]
    public async Task List_prints_every_tool_the_emulator_serves_and_filters_by_search_and_category()
    {
        await using var emulator = await StartAsync();
        var api = emulator.BaseAddress.AbsoluteUri;

        var all = await WiroCli.RunAsync(Credentials, "list", "--api", api);
        var search = await WiroCli.RunAsync(Credentials, "list", "--api", api, "--search", "robot");
        var video = await WiroCli.RunAsync(Credentials, "list", "--api", api, "--category", "text-to-video");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(["acme/Robot v4.0  [text-to-image]", "wiroai/LTX-Video-Text2Video  [tool, text-to-video, quick-showcase, persistent]", "2 tool(s)."], Lines(all));
        Assert.Equal(["acme/Robot v4.0  [text-to-image]", "1 tool(s)."], Lines(search));
        Assert.Equal("wiroai/LTX-Video-Text2Video", Lines(video)[0].Split("  ")[0]);
        Assert.Equal("1 tool(s).", Lines(video)[1]);
        // Every call was signed: the emulator refuses anything else, and a nonce is never reused.
        Assert.All(emulator.Requests, request => Assert.True(request.HasSignature && request.ApiKey == "k"));
    }

    [Fact]
    public async Task A_key_only_project_lists_with_the_key_alone()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            ApiKey = "k", ApiSecret = null, AuthMode = WiroAuthMode.ApiKeyOnly, SpecFiles = [Workspace.RobotSpec],
        });

        var result = await WiroCli.RunAsync(new Dictionary<string, string> { ["WIRO_API_KEY"] = "k" }, "list", "--api", emulator.BaseAddress.AbsoluteUri);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["acme/Robot v4.0  [text-to-image]", "1 tool(s)."], Lines(result));
        Assert.False(Assert.Single(emulator.Requests).HasSignature);
    }

    [Fact]
    public async Task Wrong_or_missing_credentials_are_exit_code_6_and_the_secret_is_never_printed()
    {
        await using var emulator = await StartAsync();
        var wrong = new Dictionary<string, string> { ["WIRO_API_KEY"] = "k", ["WIRO_API_SECRET"] = "not-the-secret" };

        var refused = await WiroCli.RunAsync(wrong, "list", "--api", emulator.BaseAddress.AbsoluteUri);
        var missing = await WiroCli.RunAsync(new Dictionary<string, string>(), "list", "--api", emulator.BaseAddress.AbsoluteUri);

        Assert.True(refused.ExitCode == ExitCodes.Unauthorized, refused.ToString());
        Assert.Contains("Project authorization is not valid.", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refused.Out + refused.Error, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == ExitCodes.Unauthorized, missing.ToString());
        Assert.Contains("WIRO_API_KEY", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_are_not_sent_over_plain_http_to_a_remote_host()
    {
        var result = await WiroCli.RunAsync(Credentials, "list", "--api", "http://api.example.com/v1/");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("https", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_exit_code_4()
    {
        await using var server = await PlainServer.StartAsync("/v1/Tool/List", "<html>maintenance</html>");

        var result = await WiroCli.RunAsync(Credentials, "list", "--api", new Uri(server.Address, "v1/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Contains("not JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_refused_and_nothing_at_all_reaches_it()
    {
        // What a hijacked or misconfigured API could answer: the signed call, sent on, would give away the key, a
        // valid nonce and signature, and the body; the other origin's answer would be printed as Wiro's tools.
        await using var other = ScriptedServer.Serving("200 OK", "application/json", """{"result":true,"total":1,"tool":[{"slugowner":"evil","slugproject":"stolen"}]}""");
        await using var api = ScriptedServer.Answering($"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{other.Address.Port}/steal/Tool/List");

        var result = await WiroCli.RunAsync(Credentials, "list", "--api", new Uri(api.Address, "v1/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("wiro: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("redirect", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stolen", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, other.Accepted);
        Assert.Equal("/v1/Tool/List", Assert.Single(api.Requests).Target);
    }

    private static string[] Lines(WiroResult result) => result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task<WiroEmulator> StartAsync()
        => WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = [Workspace.LtxSpec, Workspace.RobotSpec] });
}
