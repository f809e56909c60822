#pragma warning disable MEAI001 // Background responses: experimental before Microsoft.Extensions.AI 11 (stable in the 11.0.0 used here).
using System.Buffers.Text;
using Microsoft.Extensions.AI;
using Wiro;

namespace WebApi;

/// <summary>
/// The id of each chat event: where a stream resumed from it starts. It is the chat client's continuation token for the
/// point right after that event (<see cref="WiroChatContinuationToken"/>, its bytes as base64url), so a client that lost
/// the connection posts again with <c>Last-Event-ID</c> and gets only what it had not seen, from the same task.
/// </summary>
internal sealed class ResumePoints(WiroChatContinuationToken? resumed)
{
    private WiroChatContinuationToken? _at = resumed;

    /// <summary>The id after an update as a whole (its own token); null when it carries none.</summary>
    public string? After(ChatResponseUpdate update)
    {
        if (update.ContinuationToken is { } token)
        {
            _at = WiroChatContinuationToken.From(token);
        }

        return _at is null ? null : Id(_at);
    }

    /// <summary>
    /// The id after one piece of an update's thinking or answer: an update can hold both, and a client that saw only
    /// the first must not get it twice.
    /// </summary>
    public string? After(AIContent piece)
    {
        if (_at is not { } at)
        {
            return null;
        }

        var (thinking, answer) = piece switch
        {
            TextReasoningContent thought => (at.ThinkingLength + thought.Text.Length, at.AnswerLength),
            TextContent text => (at.ThinkingLength, at.AnswerLength + text.Text.Length),
            _ => (at.ThinkingLength, at.AnswerLength),
        };
        _at = new WiroChatContinuationToken(at.ModelId, at.TaskId, at.SocketAccessToken, at.ConversationId, thinking, answer);
        return Id(_at);
    }

    /// <summary>The token an event id stands for; null when it is not one of these ids.</summary>
    public static ResponseContinuationToken? Read(string eventId)
    {
        try
        {
            var token = ResponseContinuationToken.FromBytes(Base64Url.DecodeFromChars(eventId));
            return WiroChatContinuationToken.From(token);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Id(WiroChatContinuationToken token) => Base64Url.EncodeToString(token.ToBytes().Span);
}
