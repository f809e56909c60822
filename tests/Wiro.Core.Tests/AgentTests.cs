#pragma warning disable MEAI001 // Background responses are experimental before Microsoft.Extensions.AI 11 (stable in the 11.0.0 used here).
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Wiro.Core.Tests;

/// <summary>
/// The Microsoft Agent Framework's <see cref="ChatClientAgent"/> over the chat adapter, against the emulator's LLM tool:
/// its session keeps the conversation in Wiro (only new turns are sent), its instructions reach the system prompt, and
/// a background run is polled, or its stream resumed, with the continuation token the adapter gives.
/// </summary>
public sealed class AgentTests
{
    private const string Answer = "You said \"hello\"." + ChatClientTests.Closing;

    [Fact]
    public async Task An_agents_session_keeps_the_conversation_in_Wiro_and_sends_only_each_new_turn()
    {
        await using var env = await ChatClientTests.StartAsync(webSocket: true);
        var agent = new ChatClientAgent(env.Client.Chat.AsIChatClient(), instructions: "Be brief.", name: "assistant");
        var session = await agent.CreateSessionAsync();

        var first = await agent.RunAsync("hello", session);
        var second = await agent.RunAsync("and again", session);

        Assert.Equal(Answer, first.Text);
        Assert.Contains("before that you said \"hello\"", second.Text, StringComparison.Ordinal);
        var runs = env.Emulator.Requests.Where(r => r.Path == "/v1/Run/acme/chat").ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(["and again"], runs[1].Fields["prompt"]);
        Assert.Equal(runs[0].Fields["session_id"], runs[1].Fields["session_id"]);
        Assert.All(runs, run => Assert.Equal(["Be brief."], run.Fields["system_prompt"]));
    }

    [Fact]
    public async Task An_agents_background_run_is_polled_with_its_continuation_token_to_the_answer()
    {
        // The emulator's tasks move only with its clock: the run waits in the queue until the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await ChatClientTests.StartAsync(webSocket: false, emulatorClock: clock);
        var agent = new ChatClientAgent(env.Client.Chat.AsIChatClient());
        var session = await agent.CreateSessionAsync();

        var started = await agent.RunAsync("hello", session, new AgentRunOptions { AllowBackgroundResponses = true });
        var polling = new AgentRunOptions { AllowBackgroundResponses = true, ContinuationToken = started.ContinuationToken };
        var running = await agent.RunAsync(session, polling);
        clock.Advance(TimeSpan.FromMinutes(1));
        var done = await agent.RunAsync(session, polling);

        // The agent wraps the adapter's token in one of its own, and hands the adapter's back when continuing.
        Assert.NotNull(started.ContinuationToken);
        Assert.Equal("", started.Text);
        Assert.NotNull(running.ContinuationToken);
        Assert.Null(done.ContinuationToken);
        Assert.Equal(Answer, done.Text);
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
    }

    [Fact]
    public async Task An_agents_background_stream_cut_off_resumes_from_its_last_token_to_the_rest_of_the_answer()
    {
        await using var env = await ChatClientTests.StartAsync(webSocket: true);
        var agent = new ChatClientAgent(env.Client.Chat.AsIChatClient());
        var session = await agent.CreateSessionAsync();

        // The connection drops after the third update: the caller stops reading.
        var first = new List<AgentResponseUpdate>();
        await foreach (var update in agent.RunStreamingAsync("hello", session, new AgentRunOptions { AllowBackgroundResponses = true }))
        {
            first.Add(update);
            if (first.Count == 3)
            {
                break;
            }
        }

        var rest = await agent.RunStreamingAsync(session, new AgentRunOptions { AllowBackgroundResponses = true, ContinuationToken = first[^1].ContinuationToken })
            .ToListAsync();

        Assert.Equal(Answer, string.Concat(first.Concat(rest).Select(update => update.Text)));
        Assert.Null(rest[^1].ContinuationToken);
        Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
    }
}
