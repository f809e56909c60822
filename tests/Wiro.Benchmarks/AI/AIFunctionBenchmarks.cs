using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Wiro.Benchmarks.Client;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// The generated LTX-Video tool run to its end through the typed client (<c>RunAndWaitAsync</c>, the baseline) and
/// through its AI function (<c>AsAIFunction().InvokeAsync</c>) with the same eight inputs as <see cref="JsonElement"/>
/// arguments, as MCP and chat clients pass them, over the same in-process handler (a Run, then one Task/Detail that
/// has already ended). The difference is the function's own work: reading and checking the arguments, writing them,
/// and building the contents a model reads. Goal: at most 1.1x the baseline in time and allocations.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class AIFunctionBenchmarks
{
    private const string Arguments = """
        {"prompt":"a red kite over the sea","negativePrompt":"blurry","fps":24,"width":768,"height":512,"numFrames":121,"steps":30,"seed":"7"}
        """;

    private readonly LtxVideoText2VideoRequest _request = new()
    {
        Prompt = "a red kite over the sea",
        NegativePrompt = "blurry",
        Fps = 24,
        Width = 768,
        Height = 512,
        NumFrames = 121,
        Steps = 30,
        Seed = "7",
    };

    private InProcessWiroHandler _handler = null!;
    private HttpClient _http = null!;
    private WiroClient _wiro = null!;
    private AIFunction _function = null!;
    private AIFunctionArguments _arguments = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new InProcessWiroHandler();
        _http = new HttpClient(_handler);
        // Polling, as in the telemetry benchmarks: the canned Task/Detail has already ended, so a wait is one read.
        _wiro = new WiroClient(_http, new WiroClientOptions { ApiKey = "key", ApiSecret = "secret", UseWebSocket = false });
        _function = _wiro.LtxVideoText2Video.AsAIFunction();
        _arguments = [];
        using var document = JsonDocument.Parse(Arguments);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            _arguments[property.Name] = property.Value.Clone();
        }

        SanityCheck().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wiro.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<WiroTaskResult> RunAndWait() => _wiro.LtxVideoText2Video.RunAndWaitAsync(_request);

    [Benchmark]
    public ValueTask<object?> Function() => _function.InvokeAsync(_arguments);

    /// <summary>Both send the same run body, and the function returns the task's output link: the same work.</summary>
    private async Task SanityCheck()
    {
        _handler.RecordBodies = true;
        var typed = await RunAndWait();
        var typedBody = JsonNode.Parse(_handler.LastBody);
        var result = await Function();
        var functionBody = JsonNode.Parse(_handler.LastBody);
        _handler.RecordBodies = false;
        Require(JsonNode.DeepEquals(typedBody, functionBody), $"run bodies differ: typed {typedBody?.ToJsonString()}, function {functionBody?.ToJsonString()}");
        var contents = result as IList<AIContent> ?? throw new InvalidOperationException("Sanity check failed: the function returned " + result);
        Require(typed.IsSuccess && !contents.OfType<ErrorContent>().Any(), "a run failed");
        Require(contents.OfType<UriContent>().Single().Uri == typed.Outputs[0].Url, "the function's output link is not the task's");
        Console.WriteLine("[ai-function] the typed client and the AI function send the same run body and return the same output");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Sanity check failed: " + what);
        }
    }
}
