using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Wiro;

namespace WebApi;

/// <summary>
/// A chat turn as server-sent events, from the <see cref="IChatClient"/> the container holds (the LLM tool's
/// <c>AsIChatClient()</c>, with OpenTelemetry): a <c>start</c> event once Wiro took the run, a <c>reasoning</c> event
/// per piece of the model's thinking, a <c>text</c> event per piece of the answer, then one <c>done</c> event with the
/// conversation to continue, the task id and the cost, or one <c>error</c> event when the task fails after the stream
/// started. The turn runs as a background response, so every event but the last has an id (<see cref="ResumePoints"/>):
/// posted back as <c>Last-Event-ID</c>, it resumes the stream after that event.
/// </summary>
internal static class ChatEvents
{
    public const string Start = "start";
    public const string Reasoning = "reasoning";
    public const string Text = "text";
    public const string Done = "done";
    public const string Error = "error";

    /// <summary>
    /// Starts the turn and waits for its first update before anything is sent, so a refused run is still a problem
    /// response (see <see cref="WiroProblems"/>); the events follow from there.
    /// </summary>
    public static Task<IAsyncEnumerable<SseItem<object>>> StartAsync(IChatClient chat, ChatTurn turn, CancellationToken cancellationToken)
        => OpenAsync(chat.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.User, turn.Message)],
            new ChatOptions { ConversationId = turn.ConversationId, AllowBackgroundResponses = true },
            cancellationToken), null, cancellationToken);

    /// <summary>Follows the turn of an earlier stream again, after the event whose id <paramref name="token"/> was (see <see cref="ResumePoints"/>).</summary>
    public static Task<IAsyncEnumerable<SseItem<object>>> ResumeAsync(IChatClient chat, ResponseContinuationToken token, CancellationToken cancellationToken)
        => OpenAsync(chat.GetStreamingResponseAsync([], new ChatOptions { ContinuationToken = token }, cancellationToken),
            WiroChatContinuationToken.From(token), cancellationToken);

    private static async Task<IAsyncEnumerable<SseItem<object>>> OpenAsync(
        IAsyncEnumerable<ChatResponseUpdate> updates, WiroChatContinuationToken? resumed, CancellationToken cancellationToken)
    {
        var stream = updates.GetAsyncEnumerator(cancellationToken);
        try
        {
            var any = await stream.MoveNextAsync();
            return FollowAsync(stream, any, new ResumePoints(resumed), cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> FollowAsync(
        IAsyncEnumerator<ChatResponseUpdate> stream, bool any, ResumePoints points, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChatDone? done = null;
        string? failure = null;
        try
        {
            while (any)
            {
                var update = stream.Current;
                if (update.Contents.Count == 0 && update.FinishReason is null && points.After(update) is { } started)
                {
                    yield return new SseItem<object>(new ChatStart(update.ConversationId, update.ResponseId), Start) { EventId = started };
                }

                foreach (var content in update.Contents)
                {
                    if (content is TextReasoningContent { Text.Length: > 0 } thought)
                    {
                        yield return new SseItem<object>(new ChatDelta(thought.Text), Reasoning) { EventId = points.After(thought) };
                    }
                    else if (content is TextContent { Text.Length: > 0 } text)
                    {
                        yield return new SseItem<object>(new ChatDelta(text.Text), Text) { EventId = points.After(text) };
                    }
                }

                if (update.FinishReason is not null)
                {
                    var cost = update.AdditionalProperties?.TryGetValue(WiroChatClient.CostKey, out var value) == true ? value as decimal? : null;
                    done = new ChatDone(update.ConversationId, update.ResponseId, cost);
                }

                // Headers are sent by now, so a failure can no longer be a status code: it becomes the last event.
                try
                {
                    any = await stream.MoveNextAsync();
                }
                catch (WiroApiException exception)
                {
                    failure = exception.Message;
                    any = false;
                }
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        yield return failure is null && done is not null
            ? new SseItem<object>(done, Done)
            : new SseItem<object>(new ChatError(failure ?? "The stream ended without a final update."), Error);
    }
}

/// <summary>The run Wiro took: the conversation and Wiro's task id, before any answer.</summary>
internal sealed record ChatStart(string? ConversationId, string? ResponseId);

/// <summary>A piece of the answer or of the thinking, as it arrived.</summary>
internal sealed record ChatDelta(string Text);

/// <summary>The end of a turn: the conversation to continue, Wiro's task id, and what it cost.</summary>
internal sealed record ChatDone(string? ConversationId, string? ResponseId, decimal? Cost);

/// <summary>Why a turn ended without an answer.</summary>
internal sealed record ChatError(string Error);
