#pragma warning disable MEAI001 // Background responses are experimental before Microsoft.Extensions.AI 11 (stable in the 11.0.0 used here).
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Wiro.Core.Tests;

/// <summary>
/// Background responses of <see cref="WiroChatClient"/> against the emulator's LLM tool over real sockets: a run
/// returned at once with a continuation token and polled to its end, a stream resumed from any of its updates handing
/// out the rest of the answer exactly once, and tokens that are refused (with messages, of another tool, not Wiro's).
/// </summary>
public sealed class ChatBackgroundTests
{
    private const string Answer = "You said \"hello\"." + ChatClientTests.Closing;

    private const string Thoughts = ChatClientTests.FirstThoughts;

    [Fact]
    public async Task A_background_call_returns_once_Wiro_took_the_run_and_polling_its_token_gives_the_whole_answer_once_it_ended()
    {
        // The emulator's tasks move only with its clock: the task waits in the queue until the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await StartAsync(webSocket: false, emulatorClock: clock);
        using var chat = env.Client.Chat.AsIChatClient();

        var started = await chat.GetResponseAsync("hello", new ChatOptions { AllowBackgroundResponses = true });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path == "/v1/Task/Detail");
        Assert.Empty(started.Messages);
        var token = Assert.IsType<WiroChatContinuationToken>(started.ContinuationToken);
        Assert.Equal((started.ResponseId, run.Fields["session_id"][0], "acme/chat", 0, 0),
            (token.TaskId, token.ConversationId, token.ModelId, token.ThinkingLength, token.AnswerLength));
        Assert.Equal(run.Fields["session_id"][0], started.ConversationId);
        Assert.Equal(started.ResponseId, Assert.IsType<WiroRunResult>(started.RawRepresentation).TaskId);

        // As an app would keep it between requests: its bytes.
        var stored = ResponseContinuationToken.FromBytes(token.ToBytes().ToArray());
        var polling = new ChatOptions { AllowBackgroundResponses = true, ContinuationToken = stored };
        var running = await chat.GetResponseAsync([], polling);

        Assert.Empty(running.Messages);
        Assert.Equal(token.TaskId, Assert.IsType<WiroChatContinuationToken>(running.ContinuationToken).TaskId);
        Assert.False(Assert.IsType<WiroTask>(running.RawRepresentation).Status.IsTerminal());

        clock.Advance(TimeSpan.FromMinutes(1));
        var done = await chat.GetResponseAsync([], polling);

        Assert.Null(done.ContinuationToken);
        Assert.Equal(Answer, done.Text);
        Assert.Equal(Thoughts, string.Concat(done.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal((token.TaskId, token.ConversationId, ChatFinishReason.Stop), (done.ResponseId, done.ConversationId, done.FinishReason));
        Assert.IsType<decimal>(done.AdditionalProperties?[WiroChatClient.CostKey]);
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
    }

    [Fact]
    public async Task A_token_given_without_the_option_waits_for_the_end_and_returns_the_whole_answer()
    {
        await using var env = await StartAsync(webSocket: true);
        using var chat = env.Client.Chat.AsIChatClient();
        var started = await chat.GetResponseAsync("hello", new ChatOptions { AllowBackgroundResponses = true });

        var done = await chat.GetResponseAsync([], new ChatOptions { ContinuationToken = started.ContinuationToken });

        Assert.Null(done.ContinuationToken);
        Assert.Equal(Answer, done.Text);
        Assert.Equal(started.ConversationId, done.ConversationId);
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
    }

    [Fact]
    public async Task A_background_stream_resumed_from_any_of_its_updates_hands_out_the_rest_of_the_answer_exactly_once()
    {
        await using var env = await StartAsync(webSocket: true);
        using var chat = env.Client.Chat.AsIChatClient();

        var whole = await chat.GetStreamingResponseAsync("hello", new ChatOptions { AllowBackgroundResponses = true }).ToListAsync();

        // First the token alone, as soon as Wiro took the run; then every update but the last carries one that counts
        // what was handed out up to and including it.
        Assert.Empty(whole[0].Contents);
        Assert.Null(whole[^1].ContinuationToken);
        Assert.Equal(ChatFinishReason.Stop, whole[^1].FinishReason);
        Assert.Equal(Answer, Joined<TextContent>(whole));
        Assert.Equal(Thoughts, Joined<TextReasoningContent>(whole));
        Assert.True(whole.Count > 10, $"{whole.Count} updates: the answer streams");
        for (var i = 0; i < whole.Count - 1; i++)
        {
            var token = Assert.IsType<WiroChatContinuationToken>(whole[i].ContinuationToken);
            var before = whole.Take(i + 1).ToList();
            Assert.Equal((Joined<TextReasoningContent>(before).Length, Joined<TextContent>(before).Length), (token.ThinkingLength, token.AnswerLength));
        }

        // Cut after each update in turn (a dropped connection), resumed from its token (from its bytes, as kept).
        for (var cut = 0; cut < whole.Count - 1; cut++)
        {
            var kept = ResponseContinuationToken.FromBytes(whole[cut].ContinuationToken!.ToBytes().ToArray());
            var rest = await chat.GetStreamingResponseAsync([], new ChatOptions { ContinuationToken = kept }).ToListAsync();

            var joined = whole.Take(cut + 1).Concat(rest).ToList();
            Assert.Equal(Answer, Joined<TextContent>(joined));
            Assert.Equal(Thoughts, Joined<TextReasoningContent>(joined));
            Assert.All(rest, update => Assert.Equal(whole[0].ResponseId, update.ResponseId));
            Assert.Equal(ChatFinishReason.Stop, rest[^1].FinishReason);
        }

        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
    }

    [Fact]
    public async Task Messages_with_a_token_a_token_of_another_tool_and_one_not_made_by_Wiro_are_refused_before_anything_is_sent()
    {
        await using var env = await StartAsync(webSocket: true);
        using var chat = env.Client.Chat.AsIChatClient();
        var ours = new WiroChatContinuationToken("acme/chat", "7", "token", null, 0, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetResponseAsync("hello", new ChatOptions { ContinuationToken = ours }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetStreamingResponseAsync("hello", new ChatOptions { ContinuationToken = ours }).ToListAsync().AsTask());
        var other = await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([],
            new ChatOptions { AllowBackgroundResponses = true, ContinuationToken = new WiroChatContinuationToken("acme/other", "7", "token", null, 0, 0) }));
        Assert.Contains("'acme/other'", other.Message, StringComparison.Ordinal);
        foreach (var bytes in new[] { "{}", "not json", """{"wiroChat":"acme/chat","taskId":"7","socketAccessToken":"t","thinkingLength":-1,"answerLength":0}""", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([],
                new ChatOptions { AllowBackgroundResponses = true, ContinuationToken = ResponseContinuationToken.FromBytes(Encoding.UTF8.GetBytes(bytes)) }));
        }

        Assert.Empty(env.Emulator.Requests);
    }

    [Fact]
    public void A_token_survives_its_bytes_and_JSON_and_damaged_bytes_are_refused_as_not_Wiros()
    {
        // Any text, with the characters JSON escapes or a reader trips on among them.
        var texts = Gen.Select(Gen.String, Gen.Int[0, 5]).Select((text, at) => text.Insert(Math.Min(at, text.Length), "\"\\\u2028é😀\0"));
        Gen.Select(texts, texts, texts, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((id, socket, conversation, thinking, answer) =>
        {
            var token = new WiroChatContinuationToken("acme/chat", "t" + id, socket, conversation, thinking, answer);

            var back = WiroChatContinuationToken.From(ResponseContinuationToken.FromBytes(token.ToBytes()));
            var json = JsonSerializer.Serialize<ResponseContinuationToken>(token, AIJsonUtilities.DefaultOptions);
            var fromJson = WiroChatContinuationToken.From(JsonSerializer.Deserialize<ResponseContinuationToken>(json, AIJsonUtilities.DefaultOptions)!);

            foreach (var read in new[] { back, fromJson })
            {
                Assert.Equal((token.ModelId, token.TaskId, token.SocketAccessToken, token.ConversationId, token.ThinkingLength, token.AnswerLength),
                    (read.ModelId, read.TaskId, read.SocketAccessToken, read.ConversationId, read.ThinkingLength, read.AnswerLength));
            }
        });

        var real = new WiroChatContinuationToken("acme/chat", "7", "token", "session", 3, 5).ToBytes().ToArray();
        Gen.Int[0, real.Length - 1].Select(Gen.Byte).Sample((at, value) =>
        {
            var damaged = (byte[])real.Clone();
            damaged[at] = value;
            try
            {
                var read = WiroChatContinuationToken.From(ResponseContinuationToken.FromBytes(damaged));
                Assert.False(string.IsNullOrEmpty(read.TaskId));
                Assert.True(read.ThinkingLength >= 0 && read.AnswerLength >= 0);
            }
            catch (ArgumentException)
            {
            }
        });
    }

    private static string Joined<T>(IEnumerable<ChatResponseUpdate> updates) where T : AIContent
        => string.Concat(updates.SelectMany(u => u.Contents.OfType<T>()).Select(c => c switch
        {
            TextContent text => text.Text,
            TextReasoningContent reasoning => reasoning.Text,
            _ => "",
        }));

    private static Task<TestEnvironment> StartAsync(bool webSocket, TimeProvider? emulatorClock = null)
        => ChatClientTests.StartAsync(webSocket, emulatorClock);
}
