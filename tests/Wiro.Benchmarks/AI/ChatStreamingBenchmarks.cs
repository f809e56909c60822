using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// A 100,000-character answer streamed over 2,000 cumulative <c>task_output</c> frames (<see cref="LlmStream"/>):
/// through the generated chat client (<c>wiro.Chat.AsIChatClient().GetStreamingResponseAsync</c>, every update read),
/// against the floor of reading those frames' JSON alone (<c>JsonDocument.Parse</c> of each frame and its
/// <c>message.answer</c> strings, what any client must at least do). The chat client gets the frames through its own
/// <c>ClientWebSocket</c>, whose handshake goes to <see cref="InProcessLlmHandler"/> (no network): Run, the socket's
/// frames, the end, and the Task/Detail confirmation with the whole answer, all in process. Two more rows place the
/// floor: the parse alone (no string read), and the frames read through a bare <c>ClientWebSocket</c> on the same
/// in-process connection and then parsed as the floor does (the transport's share). Goal: the chat client at most
/// 1.2x the floor.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class ChatStreamingBenchmarks
{
    public const int AnswerLength = 100_000;
    public const int Frames = 2_000;

    private static readonly Uri SocketAddress = WiroClientOptions.DefaultWebSocketAddress;
    private static readonly byte[] Subscription = Encoding.UTF8.GetBytes(
        "{\"type\":\"task_info\",\"tasktoken\":\"" + Client.WiroAnswers.SocketAccessToken + "\"}");

    private LlmStream _stream = null!;
    private InProcessLlmHandler _handler = null!;
    private HttpClient _http = null!;
    private HttpMessageInvoker _invoker = null!;
    private WiroClient _wiro = null!;
    private IChatClient _chat = null!;
    private List<ChatMessage> _messages = null!;
    private ChatOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = LlmStream.Create(AnswerLength, Frames);
        _handler = new InProcessLlmHandler(_stream);
        _http = new HttpClient(_handler, disposeHandler: false);
        _invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        _wiro = new WiroClient(_http, new WiroClientOptions
        {
            ApiKey = "key",
            ApiSecret = "secret",
            WebSocketAddress = SocketAddress,
            WebSocketInvoker = _invoker,
        });
        _chat = _wiro.Chat.AsIChatClient();
        _messages = [new ChatMessage(ChatRole.User, LlmStream.Prompt)];
        _options = new ChatOptions { ConversationId = "550e8400-e29b-41d4-a716-446655440000" };
        SanityCheck().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wiro.Dispose();
        _http.Dispose();
        _invoker.Dispose();
        _handler.Dispose();
    }

    /// <summary>The floor: each frame's JSON parsed and its answer array's strings read.</summary>
    [Benchmark(Baseline = true)]
    public long FramesJson()
    {
        long read = 0;
        var wire = _stream.Wire.AsMemory();
        foreach (var (offset, length) in _stream.OutputFrames)
        {
            using var document = JsonDocument.Parse(wire.Slice(offset, length));
            foreach (var part in document.RootElement.GetProperty("message").GetProperty("answer").EnumerateArray())
            {
                read += part.GetString()!.Length;
            }
        }

        return read;
    }

    /// <summary>Below the floor: each frame parsed and its answer array found, no string read.</summary>
    [Benchmark]
    public long FramesJsonParseOnly()
    {
        long read = 0;
        var wire = _stream.Wire.AsMemory();
        foreach (var (offset, length) in _stream.OutputFrames)
        {
            using var document = JsonDocument.Parse(wire.Slice(offset, length));
            read += document.RootElement.GetProperty("message").GetProperty("answer").GetArrayLength();
        }

        return read;
    }

    /// <summary>The floor with the transport: a bare <c>ClientWebSocket</c> on the same in-process connection, each message parsed as the floor does.</summary>
    [Benchmark]
    public async Task<long> SocketAndFramesJson()
    {
        long read = 0;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketAddress, _invoker, CancellationToken.None);
        await socket.SendAsync(Subscription, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[4096];
        while (true)
        {
            var used = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (used == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                received = await socket.ReceiveAsync(buffer.AsMemory(used), CancellationToken.None);
                used += received.Count;
            }
            while (!received.EndOfMessage);

            using var document = JsonDocument.Parse(buffer.AsMemory(0, used));
            var root = document.RootElement;
            if (!root.GetProperty("type").ValueEquals("task_output"u8))
            {
                return read;
            }

            foreach (var part in root.GetProperty("message").GetProperty("answer").EnumerateArray())
            {
                read += part.GetString()!.Length;
            }
        }
    }

    /// <summary>The generated chat client: Run, the socket's frames turned into deltas, the Task/Detail confirmation; every update read.</summary>
    [Benchmark]
    public async Task<long> ChatClient()
    {
        long read = 0;
        await foreach (var update in _chat.GetStreamingResponseAsync(_messages, _options))
        {
            foreach (var content in update.Contents)
            {
                if (content is TextContent text)
                {
                    read += text.Text.Length;
                }
            }
        }

        return read;
    }

    /// <summary>The chat client streamed the whole answer frame by frame over the socket, reasoning apart; the floors read what was sent.</summary>
    private async Task SanityCheck()
    {
        var answer = new StringBuilder();
        var reasoning = new StringBuilder();
        var textUpdates = 0;
        var handshakes = _handler.Handshakes;
        var details = _handler.Details;
        ChatResponseUpdate? last = null;
        await foreach (var update in _chat.GetStreamingResponseAsync(_messages, _options))
        {
            var hasText = false;
            foreach (var content in update.Contents)
            {
                if (content is TextContent text)
                {
                    answer.Append(text.Text);
                    hasText = true;
                }
                else if (content is TextReasoningContent thought)
                {
                    reasoning.Append(thought.Text);
                }
            }

            textUpdates += hasText ? 1 : 0;
            last = update;
        }

        Require(answer.ToString() == _stream.Answer, $"the streamed answer ({answer.Length} chars) is not the answer ({_stream.Answer.Length} chars)");
        Require(reasoning.ToString() == LlmStream.Thought, "the reasoning is not the thought: " + reasoning);
        Require(textUpdates >= Frames * 9 / 10, $"only {textUpdates} updates carried text: the answer was not streamed frame by frame");
        Require(_handler.Handshakes == handshakes + 1 && _handler.Details == details + 1, "the chat client did not follow one socket and confirm once");
        Require(last?.FinishReason == ChatFinishReason.Stop && last.AdditionalProperties?.ContainsKey(WiroChatClient.SpeedKey) == true, "the last update has no finish reason or speed");

        var floor = FramesJson();
        var viaSocket = await SocketAndFramesJson();
        Require(floor == viaSocket && floor > (long)AnswerLength * Frames / 2, $"the floors read {floor} and {viaSocket} characters");
        Require(await ChatClient() == AnswerLength, "the chat client's deltas do not add up to the answer's length");
        Console.WriteLine($"[chat-streaming] {Frames} frames, {_stream.Wire.Length / 1_000_000.0:F1} MB on the wire; the chat client streamed the {AnswerLength:N0}-char answer in {textUpdates} updates, reasoning apart");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Sanity check failed: " + what);
        }
    }
}
