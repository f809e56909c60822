using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Wiro.Benchmarks.Client;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// One chat turn of the Chat sample's LLM tool (<c>samples/Chat/wiro-chat.wiro.md</c>) run to its end through the
/// generated typed client (<c>wiro.Chat.RunAndWaitAsync</c> with the prompt and session id, the baseline) and through
/// its chat client (<c>wiro.Chat.AsIChatClient().GetResponseAsync</c>, the same prompt and the session as
/// <see cref="ChatOptions.ConversationId"/>), over the same in-process handler as <see cref="AIFunctionBenchmarks"/>:
/// a Run, then one Task/Detail that has already ended (polling), here carrying the LLM's answer inline. The
/// difference is the chat client's own work: the turn read from the messages, the answer read from the output and
/// handed out as a response. Goal: at most 1.1x the baseline.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class ChatResponseBenchmarks
{
    private const string Session = "550e8400-e29b-41d4-a716-446655440000";
    private const string Prompt = "What is quantum computing?";

    private readonly ChatRequest _request = new() { Prompt = Prompt, SessionId = Session };

    private InProcessWiroHandler _handler = null!;
    private HttpClient _http = null!;
    private WiroClient _wiro = null!;
    private IChatClient _chat = null!;
    private List<ChatMessage> _messages = null!;
    private ChatOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new InProcessWiroHandler { TaskDetail = WiroAnswers.ChatTaskDetail };
        _http = new HttpClient(_handler);
        // Polling, as in the AI-function benchmarks: the canned Task/Detail has already ended, so a wait is one read.
        _wiro = new WiroClient(_http, new WiroClientOptions { ApiKey = "key", ApiSecret = "secret", UseWebSocket = false });
        _chat = _wiro.Chat.AsIChatClient();
        _messages = [new ChatMessage(ChatRole.User, Prompt)];
        _options = new ChatOptions { ConversationId = Session };
        SanityCheck().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wiro.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<WiroTaskResult> RunAndWait() => _wiro.Chat.RunAndWaitAsync(_request);

    [Benchmark]
    public Task<ChatResponse> GetResponse() => _chat.GetResponseAsync(_messages, _options);

    /// <summary>Both send the same run body, and the chat response is the answer the typed result holds: the same work.</summary>
    private async Task SanityCheck()
    {
        _handler.RecordBodies = true;
        var typed = await RunAndWait();
        var typedBody = JsonNode.Parse(_handler.LastBody);
        var response = await GetResponse();
        var chatBody = JsonNode.Parse(_handler.LastBody);
        _handler.RecordBodies = false;
        Require(JsonNode.DeepEquals(typedBody, chatBody), $"run bodies differ: typed {typedBody?.ToJsonString()}, chat {chatBody?.ToJsonString()}");
        Require(typed.IsSuccess && typed.Outputs.Count == 1 && typed.Outputs[0].ContentJson!.Contains(WiroAnswers.ChatAnswer, StringComparison.Ordinal), "the typed run did not end with the answer");
        Require(response.Text == WiroAnswers.ChatAnswer, "the chat response is not the answer: " + response.Text);
        var reasoning = response.Messages.Single().Contents.OfType<TextReasoningContent>().Single().Text;
        Require(reasoning == WiroAnswers.ChatThought, "the chat response's reasoning is not the thought: " + reasoning);
        Require(response.ConversationId == Session && response.AdditionalProperties?[WiroChatClient.CostKey] is 0.0012m, "the chat response lost the session or the cost");
        Console.WriteLine("[chat-response] the typed client and the chat client send the same run body and read the same answer");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Sanity check failed: " + what);
        }
    }
}
