using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Wiro;

namespace WebApi;

/// <summary>
/// A chat turn as server-sent events, from the <see cref="IChatClient"/> the container holds (the LLM tool's
/// <c>AsIChatClient()</c>, with OpenTelemetry): a <c>reasoning</c> event per piece of the model's thinking, a
/// <c>text</c> event per piece of the answer, then one <c>done</c> event with the conversation to continue, the task
/// id and the cost, or one <c>error</c> event when the task fails after the stream started.
/// </summary>
internal static class ChatEvents
{
    public const string Reasoning = "reasoning";
    public const string Text = "text";
    public const string Done = "done";
    public const string Error = "error";

    /// <summary>
    /// Starts the turn and waits for its first update before anything is sent, so a refused run is still a problem
    /// response (see <see cref="WiroProblems"/>); the events follow from there.
    /// </summary>
    public static async Task<IAsyncEnumerable<SseItem<object>>> StartAsync(IChatClient chat, ChatTurn turn, CancellationToken cancellationToken)
    {
        var updates = chat.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.User, turn.Message)], new ChatOptions { ConversationId = turn.ConversationId }, cancellationToken);
        var stream = updates.GetAsyncEnumerator(cancellationToken);
        try
        {
            var any = await stream.MoveNextAsync();
            return FollowAsync(stream, any, cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> FollowAsync(
        IAsyncEnumerator<ChatResponseUpdate> stream, bool any, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChatDone? done = null;
        string? failure = null;
        try
        {
            while (any)
            {
                var update = stream.Current;
                foreach (var content in update.Contents)
                {
                    if (content is TextReasoningContent { Text.Length: > 0 } thought)
                    {
                        yield return new SseItem<object>(new ChatDelta(thought.Text), Reasoning);
                    }
                    else if (content is TextContent { Text.Length: > 0 } text)
                    {
                        yield return new SseItem<object>(new ChatDelta(text.Text), Text);
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

/// <summary>A piece of the answer or of the thinking, as it arrived.</summary>
internal sealed record ChatDelta(string Text);

/// <summary>The end of a turn: the conversation to continue, Wiro's task id, and what it cost.</summary>
internal sealed record ChatDone(string? ConversationId, string? ResponseId, decimal? Cost);

/// <summary>Why a turn ended without an answer.</summary>
internal sealed record ChatError(string Error);
