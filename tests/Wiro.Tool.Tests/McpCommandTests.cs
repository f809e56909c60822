extern alias specs;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Wiro.Emulator;
using SpecLayer = specs::Wiro.Specs;

namespace Wiro.Tool.Tests;

/// <summary>
/// <c>wiro mcp</c> over stdio, driven by the MCP SDK's own client: the tools it lists, a call with progress and its
/// result links, a refused argument, a cancelled call, Wiro's refusal, and the credentials it needs.
/// </summary>
public sealed class McpCommandTests
{
    private const string LtxTool = "wiroai__LTX-Video-Text2Video";

    [Fact]
    public async Task It_lists_one_tool_per_spec_with_the_function_schema_and_paid_run_annotations()
    {
        await using var client = await McpServer.ConnectAsync(null, "--emulator", "--specs", McpServer.Specs);

        var tools = await client.ListToolsAsync();

        var page = Path.Combine(McpServer.Specs, "ltx-video-text2video.wiro.md");
        var spec = SpecLayer.SpecParser.Parse(page, File.ReadAllText(page), CancellationToken.None).Spec!;
        var expected = SpecLayer.FunctionPlanner.Plan(spec, SpecLayer.ToolPlanner.Plan(spec, null, ["CallbackUrl", "ProjectId"], CancellationToken.None).Plan);
        Assert.Equal(2, tools.Count);
        var ltx = Assert.Single(tools, tool => tool.Name == expected.Name);
        Assert.Equal(LtxTool, ltx.Name);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected.JsonSchema).RootElement, ltx.ProtocolTool.InputSchema));
        Assert.Equal(expected.Description, ltx.Description);
        Assert.Equal("wiroai/LTX-Video-Text2Video", ltx.ProtocolTool.Title);
        var annotations = ltx.ProtocolTool.Annotations!;
        Assert.Equal((false, false, false, true), (annotations.ReadOnlyHint, annotations.DestructiveHint, annotations.IdempotentHint, annotations.OpenWorldHint));
        Assert.Equal("wiroai/LTX-Video-Text2Video", annotations.Title);
    }

    [Fact]
    public async Task A_call_with_a_progress_token_sees_progress_and_gets_the_output_links()
    {
        await using var client = await McpServer.ConnectAsync(null, "--emulator", "--specs", McpServer.Specs);
        var token = new ProgressToken("paper-boat");
        var progress = new Notifications();
        // The SDK's own progress overload stops listening when the result arrives, and its client handles each message
        // in its own work item, so a notification sent before the result can still be handled after it and be lost.
        // A handler on the session sees every notification on the stream, as an MCP host reading the wire does.
        await using var listening = progress.ListenTo(client, token);

        var result = await client.CallToolAsync(new CallToolRequestParams
        {
            Name = LtxTool,
            Arguments = new Dictionary<string, JsonElement>
            {
                ["prompt"] = JsonSerializer.SerializeToElement("a paper boat on a pond"),
                ["steps"] = JsonSerializer.SerializeToElement(10),
            },
            Meta = new JsonObject { ["progressToken"] = "paper-boat" },
        });

        Assert.NotEqual(true, result.IsError);
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.StartsWith("http://127.0.0.1:", link.Uri, StringComparison.Ordinal);
        Assert.Equal("video/mp4", link.MimeType);
        Assert.EndsWith(".mp4", link.Name, StringComparison.Ordinal);
        Assert.True(link.Size > 0);
        var summary = JsonDocument.Parse(Assert.IsType<TextContentBlock>(result.Content[0]).Text).RootElement;
        Assert.True(summary.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.String, summary.GetProperty("taskId").ValueKind);
        // Each URL once: in its link, not again in the summary.
        Assert.DoesNotContain(link.Uri, result.Content.OfType<TextContentBlock>().Single().Text, StringComparison.Ordinal);

        // Notifications come before the result on the stream, but each is handled in its own work item: they may be
        // handled after the result and in any order, so they are read in the order of their progress values.
        var seen = (await progress.WaitForAsync(values =>
                values.Any(value => value.Message?.Contains("task_postprocess_end", StringComparison.Ordinal) == true)
                && values.Count == values.Max(value => value.Progress)))
            .OrderBy(value => value.Progress).ToList();
        Assert.Equal("Sending the run to Wiro.", seen[0].Message);
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(step => (float)step), seen.Select(value => value.Progress));
        Assert.Contains(summary.GetProperty("taskId").GetString()!, seen[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_argument_the_schema_does_not_allow_is_a_tool_error_naming_it()
    {
        await using var client = await McpServer.ConnectAsync(null, "--emulator", "--specs", McpServer.Specs);

        var result = await client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["prompt"] = "a boat", ["colour"] = "red", ["steps"] = "many" });

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("nothing was sent", text, StringComparison.Ordinal);
        Assert.Contains("'colour'", text, StringComparison.Ordinal);
        Assert.Contains("'steps'", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_call_keeps_its_client_waiting_and_cancelling_it_kills_its_task_while_the_server_goes_on()
    {
        // The test's own emulator, where every status lasts an hour: the call can only end by being cancelled.
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            SpecFiles = [Path.Combine(McpServer.Specs, "ltx-video-text2video.wiro.md")],
            StatusStepDuration = TimeSpan.FromHours(1),
        });
        await using var client = await McpServer.ConnectAsync(Credentials(emulator),
            "--api", emulator.BaseAddress.AbsoluteUri, "--specs", McpServer.Specs, "--keepalive", "0.2");
        var progress = new Notifications();
        using var cancel = new CancellationTokenSource();

        var call = client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["prompt"] = "a boat" }, progress, cancellationToken: cancel.Token).AsTask();
        // With no news for an hour, the task's last status comes again at each keep-alive, each a step further.
        var seen = await progress.WaitForAsync(values => values.Count(value => value.Message?.StartsWith("Task ", StringComparison.Ordinal) == true) >= 3);
        await cancel.CancelAsync();

        var kept = seen.Where(value => value.Message!.StartsWith("Task ", StringComparison.Ordinal)).OrderBy(value => value.Progress).ToList();
        Assert.Equal(kept[0].Message, kept[^1].Message);
        Assert.True(kept[^1].Progress > kept[0].Progress);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await WaitUntilAsync(() => emulator.Requests.Any(request => request.Path == "/v1/Task/Kill"));
        Assert.Equal(2, (await client.ListToolsAsync()).Count);
    }

    [Fact]
    public async Task On_the_built_in_emulator_a_cancelled_call_ends_and_the_server_goes_on()
    {
        // Every emulated status lasts an hour: the call can only end by being cancelled.
        await using var client = await McpServer.ConnectAsync(null, "--emulator", "--emulator-step", "3600", "--specs", McpServer.Specs);
        var progress = new Notifications();
        using var cancel = new CancellationTokenSource();

        var call = client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["prompt"] = "a boat" }, progress, cancellationToken: cancel.Token).AsTask();
        await progress.WaitForAsync(values => values.Any(value => value.Message?.StartsWith("Task ", StringComparison.Ordinal) == true));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var done = await client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["colour"] = "red" });
        Assert.True(done.IsError);
        Assert.Equal(2, (await client.ListToolsAsync()).Count);
    }

    [Fact]
    public async Task A_run_Wiro_refuses_is_a_tool_error_with_Wiros_message_and_the_call_is_signed()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Path.Combine(McpServer.Specs, "ltx-video-text2video.wiro.md")] });
        emulator.EnqueueFault(WiroFault.ResultFalse(97, "Insufficient balance", "/Run"));
        await using var client = await McpServer.ConnectAsync(Credentials(emulator), "--api", emulator.BaseAddress.AbsoluteUri, "--specs", McpServer.Specs);

        var refused = await client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["prompt"] = "a boat" });
        var done = await client.CallToolAsync(LtxTool, new Dictionary<string, object?> { ["prompt"] = "a boat" });

        Assert.True(refused.IsError);
        Assert.Contains("Insufficient balance", Assert.IsType<TextContentBlock>(refused.Content[0]).Text, StringComparison.Ordinal);
        Assert.NotEqual(true, done.IsError);
        Assert.All(emulator.Requests, request => Assert.True(request.HasSignature && request.ApiKey == "emulator-key"));
    }

    [Fact]
    public async Task Without_credentials_or_usable_specs_it_fails_in_one_line_with_its_exit_code()
    {
        var empty = Directory.CreateTempSubdirectory("wiro-mcp-").FullName;
        try
        {
            var noKey = await WiroCli.RunAsync("mcp", "--specs", McpServer.Specs);
            File.WriteAllText(Path.Combine(empty, "broken.wiro.md"), "not a spec");
            var noSpec = await WiroCli.RunAsync("mcp", "--emulator", "--specs", empty);
            var both = await WiroCli.RunAsync("mcp", "--emulator", "--api", "https://api.wiro.ai/v1/", "--specs", McpServer.Specs);

            Assert.Equal(6, noKey.ExitCode);
            Assert.Equal(["wiro: set WIRO_API_KEY (and WIRO_API_SECRET for a signature project) to run the tools (or pass --emulator)."], noKey.ErrorLines);
            Assert.Equal(7, noSpec.ExitCode);
            Assert.StartsWith("wiro: skipped '", noSpec.ErrorLines[0], StringComparison.Ordinal);
            Assert.StartsWith("wiro: no usable spec in ", noSpec.ErrorLines[1], StringComparison.Ordinal);
            Assert.Equal(2, noSpec.ErrorLines.Length);
            Assert.Equal(1, both.ExitCode);
            Assert.Empty(noKey.Out + noSpec.Out);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static Dictionary<string, string?> Credentials(WiroEmulator emulator)
        => new() { ["WIRO_API_KEY"] = "emulator-key", ["WIRO_API_SECRET"] = "emulator-secret" };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }

    /// <summary>The progress notifications of one call, in the order they came.</summary>
    private sealed class Notifications : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

        public void Report(ProgressNotificationValue value) => _values.Enqueue(value);

        /// <summary>Reports every progress notification for <paramref name="token"/> that reaches <paramref name="client"/>'s session until disposed.</summary>
        public IAsyncDisposable ListenTo(McpClient client, ProgressToken token)
            => client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
            {
                if (JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions) is { } sent
                    && sent.ProgressToken == token)
                {
                    Report(sent.Progress);
                }

                return default;
            });

        /// <summary>Waits (a minute at most) until the notifications so far satisfy <paramref name="condition"/>; gives them.</summary>
        public async Task<List<ProgressNotificationValue>> WaitForAsync(Func<List<ProgressNotificationValue>, bool> condition)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (!condition([.. _values]))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
            }

            return [.. _values];
        }
    }
}
