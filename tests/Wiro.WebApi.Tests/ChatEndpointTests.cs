using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>
/// <c>POST /chat</c>: the sample's LLM tool registered as the app's <c>IChatClient</c> (<c>AddChatClient</c> over the
/// generated client that <c>AddWiro</c> registers, with <c>UseOpenTelemetry</c>), streamed as server-sent events,
/// against the sample's emulator.
/// </summary>
public sealed class ChatEndpointTests
{
    private const string Tool = "/v1/Run/wiro/chat";

    // Guards against a hang only; nothing asserts how long anything took.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_turn_streams_the_thinking_apart_and_text_that_joins_to_the_tasks_answer_then_done()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (response, events) = await ChatAsync(client, new { message = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var done = events[^1];
        Assert.Equal("done", done.Type);
        Assert.Equal("start", events[0].Type);
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Contains(e.Type, new[] { "reasoning", "text" }));
        Assert.True(events.Count(e => e.Type == "text") > 1, "the answer streams in pieces");

        // The deltas are exactly what the task answered, the thinking kept out of the text.
        var taskId = done.Data.GetProperty("responseId").GetString()!;
        var task = await app.Services.GetRequiredService<WiroClient>().GetTaskByIdAsync(taskId);
        using var content = JsonDocument.Parse(task.Outputs.Single().ContentJson!);
        Assert.Equal(Joined(content.RootElement, "answer"), Texts(events, "text"));
        Assert.Equal(Joined(content.RootElement, "thinking"), Texts(events, "reasoning"));
        Assert.Contains("You said \"hello\".", Texts(events, "text"), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(done.Data.GetProperty("conversationId").GetString(), out _));
        Assert.Equal(task.TotalCost, done.Data.GetProperty("cost").GetDecimal());
    }

    [Fact]
    public async Task A_second_turn_with_the_conversation_id_sends_only_the_new_message_in_the_same_session()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (_, first) = await ChatAsync(client, new { message = "hello" });
        var conversationId = first[^1].Data.GetProperty("conversationId").GetString();
        var (response, second) = await ChatAsync(client, new { message = "and again", conversationId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", second[^1].Type);
        Assert.Equal(conversationId, second[^1].Data.GetProperty("conversationId").GetString());
        Assert.Contains("before that you said \"hello\"", Texts(second, "text"), StringComparison.Ordinal);
        var runs = app.Emulator.Requests.Where(r => r.Path == Tool).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(["and again"], runs[1].Fields["prompt"]);
        Assert.Equal([conversationId!], runs[1].Fields["session_id"]);
        Assert.Equal(runs[0].Fields["session_id"], runs[1].Fields["session_id"]);
    }

    [Fact]
    public async Task A_stream_cut_off_resumes_after_the_last_event_it_got_from_the_same_task_and_the_parts_join_to_the_answer()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        using var timeout = new CancellationTokenSource(Patience);

        // The connection drops after the fourth event: the client stops reading and lets it go.
        IReadOnlyList<StreamEvent> first;
        using (var response = await client.PostAsJsonAsync("/chat", new { message = "hello" }, timeout.Token))
        {
            first = await ClipApi.ReadStreamAsync(response, timeout.Token, stopAfter: 4);
        }

        var (resumed, rest) = await ChatAsync(client, new { }, lastEventId: first[^1].Id);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("start", first[0].Type);
        Assert.All(first, e => Assert.False(string.IsNullOrEmpty(e.Id)));
        var done = rest[^1];
        Assert.Equal("done", done.Type);
        var task = await app.Services.GetRequiredService<WiroClient>().GetTaskByIdAsync(done.Data.GetProperty("responseId").GetString()!);
        Assert.Equal(first[0].Data.GetProperty("responseId").GetString(), task.Id);
        using var content = JsonDocument.Parse(task.Outputs.Single().ContentJson!);
        Assert.Equal(Joined(content.RootElement, "answer"), Texts(first, "text") + Texts(rest, "text"));
        Assert.Equal(Joined(content.RootElement, "thinking"), Texts(first, "reasoning") + Texts(rest, "reasoning"));
        Assert.Single(app.Emulator.Requests, r => r.Path == Tool);
    }

    [Fact]
    public async Task Resumed_after_any_event_the_stream_gives_exactly_what_followed_it()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var (_, whole) = await ChatAsync(client, new { message = "hello" });

        for (var cut = 0; cut < whole.Count - 1; cut++)
        {
            var (response, rest) = await ChatAsync(client, new { }, lastEventId: whole[cut].Id);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var joined = whole.Take(cut + 1).Concat(rest).ToList();
            Assert.Equal(Texts(whole, "text"), Texts(joined, "text"));
            Assert.Equal(Texts(whole, "reasoning"), Texts(joined, "reasoning"));
            Assert.Equal("done", rest[^1].Type);
        }

        Assert.Single(app.Emulator.Requests, r => r.Path == Tool);
    }

    [Fact]
    public async Task The_chat_page_is_served_posts_to_chat_resumes_with_Last_Event_ID_and_writes_no_HTML_from_the_server()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/chat.html");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fetch(\"/chat\"", page, StringComparison.Ordinal);
        Assert.Contains("headers[\"Last-Event-ID\"] = lastId", page, StringComparison.Ordinal);
        // What the server and the user send is shown as text only.
        Assert.DoesNotContain("innerHTML", page, StringComparison.Ordinal);
        Assert.Contains("href=\"chat.html\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30")]   // {} in base64url: a token, not Wiro's
    [InlineData("eyJ3aXJvQ2hhdCI6Im90aGVyL3Rvb2wiLCJ0YXNrSWQiOiI3Iiwic29ja2V0QWNjZXNzVG9rZW4iOiJ0IiwidGhpbmtpbmdMZW5ndGgiOjAsImFuc3dlckxlbmd0aCI6MH0")]   // Wiro's, of another tool
    public async Task A_last_event_id_that_is_not_one_of_this_chats_is_refused_with_400_and_nothing_is_sent(string lastEventId)
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (response, _) = await ChatAsync(client, new { }, lastEventId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
        Assert.DoesNotContain(app.Emulator.Requests, r => r.Path.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"message":" "}""", "message")]
    [InlineData("""{"message":"hi","conversationId":"not-a-guid"}""", "conversationId")]
    public async Task A_turn_the_sample_cannot_send_is_refused_with_400_and_never_sent(string body, string field)
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/chat", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(app.Emulator.Requests, r => r.Path == Tool);
    }

    [Fact]
    public async Task A_run_wiro_refuses_is_a_problem_response_before_any_event()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        app.Emulator.EnqueueFault(WiroFault.ResultFalse(97, "Insufficient balance", Tool));

        var (response, events) = await ChatAsync(client, new { message = "hello" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(events);
        Assert.Contains("Insufficient balance", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_that_fails_once_it_streamed_ends_with_an_error_event_with_wiros_reason_and_no_done()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        app.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure(exitCode: "1", debugError: "CUDA out of memory"));

        var (response, events) = await ChatAsync(client, new { message = "hello" });

        // The headers went out with the first update, so the failure is the last event, not a status code.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("error", events[^1].Type);
        Assert.Contains("CUDA out of memory", events[^1].Data.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Type == "done");
    }

    [Fact]
    public async Task The_turn_is_traced_with_the_gen_ai_conventions_provider_wiro_and_the_model_around_the_wiro_calls()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (_, events) = await ChatAsync(client, new { message = "hello" });

        var chat = Assert.Single(app.Activities.Snapshot(), a => a.Source.Name == "WebApi.Chat");
        Assert.Equal("wiro", chat.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("wiro/chat", chat.GetTagItem("gen_ai.request.model"));
        Assert.Equal(events[^1].Data.GetProperty("responseId").GetString(), chat.GetTagItem("gen_ai.response.id"));
        // The client's own Run call is traced inside the chat span.
        var run = Assert.Single(app.Activities.Snapshot(), a => a.Source.Name == "Wiro" && Equals(a.GetTagItem("wiro.tool"), "wiro/chat") && a.OperationName.Contains("Run", StringComparison.Ordinal));
        Assert.Equal(chat.TraceId, run.TraceId);
    }

    private static async Task<(HttpResponseMessage Response, IReadOnlyList<StreamEvent> Events)> ChatAsync(HttpClient client, object body, string? lastEventId = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent.Create(body) };
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, timeout.Token);
        return (response, await ClipApi.ReadStreamAsync(response, timeout.Token));
    }

    private static string Texts(IEnumerable<StreamEvent> events, string type)
        => string.Concat(events.Where(e => e.Type == type).Select(e => e.Data.GetProperty("text").GetString()));

    private static string Joined(JsonElement content, string name)
        => string.Concat(content.GetProperty(name).EnumerateArray().Select(part => part.GetString()));
}
