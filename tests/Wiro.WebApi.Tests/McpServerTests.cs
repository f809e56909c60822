using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Wiro.WebApi.Tests;

/// <summary>
/// The sample's <c>/mcp</c> endpoint (Streamable HTTP) through the real host and the MCP SDK's own client: the
/// generated tool is listed with its function's schema and annotations, runs on the emulator, and refuses an unknown
/// argument without sending anything.
/// </summary>
public sealed class McpServerTests
{
    private const string ToolName = "wiroai__LTX-Video-Text2Video";
    private const string RunPath = "/v1/Run/wiroai/LTX-Video-Text2Video";

    // Guards against a hang only; nothing asserts how long anything took.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_ltx_tool_is_listed_with_its_functions_schema_and_the_annotations_of_a_paid_run()
    {
        await using var app = SampleApp.OnEmulator();
        using var timeout = new CancellationTokenSource(Patience);
        await using var mcp = await ConnectAsync(app, timeout.Token);

        var tools = await mcp.ListToolsAsync(cancellationToken: timeout.Token);

        var tool = Assert.Single(tools, t => t.Name == ToolName);
        var function = app.Services.GetRequiredService<WiroClient>().LtxVideoText2Video.AsAIFunction();
        Assert.True(JsonElement.DeepEquals(function.JsonSchema, tool.JsonSchema), tool.JsonSchema.GetRawText());
        Assert.Equal(function.Description, tool.Description);
        var annotations = tool.ProtocolTool.Annotations;
        Assert.NotNull(annotations);
        Assert.Equal(((WiroToolFunction)function).Descriptor.Title, annotations.Title);   // the page's title
        Assert.False(annotations.ReadOnlyHint);
        Assert.False(annotations.DestructiveHint);
        Assert.False(annotations.IdempotentHint);
        Assert.True(annotations.OpenWorldHint);
    }

    [Fact]
    public async Task Calling_the_tool_runs_it_on_the_emulator_and_returns_the_output_link()
    {
        await using var app = SampleApp.OnEmulator();
        using var timeout = new CancellationTokenSource(Patience);
        await using var mcp = await ConnectAsync(app, timeout.Token);

        var result = await mcp.CallToolAsync(ToolName,
            new Dictionary<string, object?> { ["prompt"] = "a red kite over the sea", ["numFrames"] = 121, ["seed"] = "7" },
            cancellationToken: timeout.Token);

        Assert.NotEqual(true, result.IsError);
        var blocks = Blocks(result);
        Assert.Equal(2, blocks.Count);
        var summary = blocks[0];
        Assert.True(summary.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.String, summary.GetProperty("taskId").ValueKind);
        // The function's UriContent: the SDK (2.4.0) sends an AIContent it has no block for as its JSON, in a text block.
        var link = blocks[1];
        Assert.Equal("uri", link.GetProperty("$type").GetString());
        var url = link.GetProperty("uri").GetString()!;
        Assert.StartsWith(app.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal);
        Assert.EndsWith("/0.mp4", url, StringComparison.Ordinal);
        Assert.False(summary.TryGetProperty("outputs", out _));
        Assert.Equal("video/mp4", link.GetProperty("mediaType").GetString());
        Assert.False(link.TryGetProperty("additionalProperties", out _));
        var run = Assert.Single(app.Emulator.Requests, r => r.Path == RunPath);
        Assert.Equal(["a red kite over the sea"], run.Fields["prompt"]);
        Assert.Equal(["121"], run.Fields["numFrames"]);
        Assert.Equal(["7"], run.Fields["seed"]);
        // The MCP server logs each call (at Trace here), never its arguments: the prompt is content.
        Assert.Contains(app.Logs.Lines, l => l.Category.StartsWith("ModelContextProtocol", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines.SelectMany(l => l.AllText), t => t.Contains("red kite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_with_a_progress_token_gets_the_runs_steps_as_progress_notifications()
    {
        await using var app = SampleApp.OnEmulator();
        using var timeout = new CancellationTokenSource(Patience);
        await using var mcp = await ConnectAsync(app, timeout.Token);
        var progress = new Steps();
        // The SDK's own progress overload stops listening when the result arrives, and its client handles each
        // notification in its own work item, so one sent before the result can be handled after it and be lost.
        // A handler on the session sees every notification, as an MCP host reading the wire does.
        await using var listening = progress.ListenTo(mcp, "red-kite");

        var result = await mcp.CallToolAsync(
            new CallToolRequestParams
            {
                Name = ToolName,
                Arguments = new Dictionary<string, JsonElement> { ["prompt"] = JsonSerializer.SerializeToElement("a red kite over the sea") },
                Meta = new JsonObject { ["progressToken"] = "red-kite" },
            },
            timeout.Token);

        Assert.NotEqual(true, result.IsError);
        // Some notifications may be handled after the result: wait for the last step (sent before the result), and
        // read no order from the arrivals.
        await progress.Finished.WaitAsync(timeout.Token);
        var steps = progress.Values;
        Assert.Contains(steps, s => s.Message == "task_start");
        Assert.Contains(steps, s => s.Message!.StartsWith("task_output ", StringComparison.Ordinal) && s.Message.EndsWith('%'));
        // One notification per step, each one more than the last (the arrivals may be in any order).
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(n => (float)n), steps.Select(s => s.Progress).Order());
    }

    [Fact]
    public async Task An_unknown_argument_is_an_error_naming_it_and_nothing_is_sent()
    {
        await using var app = SampleApp.OnEmulator();
        using var timeout = new CancellationTokenSource(Patience);
        await using var mcp = await ConnectAsync(app, timeout.Token);

        var result = await mcp.CallToolAsync(ToolName,
            new Dictionary<string, object?> { ["prompt"] = "a red kite over the sea", ["colour"] = "red" },
            cancellationToken: timeout.Token);

        Assert.True(result.IsError);
        var error = Assert.Single(Blocks(result));
        Assert.Equal("error", error.GetProperty("$type").GetString());
        Assert.Equal("invalid_arguments", error.GetProperty("errorCode").GetString());
        Assert.Contains("Argument 'colour' is not an input of this tool", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Emulator.Requests, r => r.Path == RunPath);
    }

    /// <summary>Keeps every notification the client reports, from any thread.</summary>
    private sealed class Steps : IProgress<ProgressNotificationValue>
    {
        private readonly LockedCollection<ProgressNotificationValue> _values = new();
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<ProgressNotificationValue> Values => _values.Snapshot();

        /// <summary>
        /// Done when the run's final status and every step before it have been handled: handlers run in their own work
        /// items, so the final step can be handled before one it followed.
        /// </summary>
        public Task Finished => _finished.Task;

        /// <summary>Reports every progress notification for <paramref name="token"/> that reaches <paramref name="client"/>'s session until disposed.</summary>
        public IAsyncDisposable ListenTo(McpClient client, string token)
            => client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
            {
                if (JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions) is { } sent
                    && sent.ProgressToken == new ProgressToken(token))
                {
                    Report(sent.Progress);
                }

                return default;
            });

        public void Report(ProgressNotificationValue value)
        {
            _values.Add(value);
            var values = _values.Snapshot();
            if (values.Any(v => v.Message is "task_postprocess_end") && values.Count == values.Max(v => v.Progress))
            {
                _finished.TrySetResult();
            }
        }
    }

    /// <summary>Each block of a result, all text blocks holding JSON.</summary>
    private static List<JsonElement> Blocks(CallToolResult result)
        => result.Content.Select(block => JsonDocument.Parse(Assert.IsType<TextContentBlock>(block).Text).RootElement.Clone()).ToList();

    /// <summary>The SDK's client over Streamable HTTP to the sample's <c>/mcp</c>, through the factory's in-memory server.</summary>
    private static async Task<McpClient> ConnectAsync(SampleApp app, CancellationToken cancellationToken)
    {
        var http = app.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
    }
}
