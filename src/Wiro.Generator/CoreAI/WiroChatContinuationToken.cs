#nullable enable
// ResponseContinuationToken is experimental before Microsoft.Extensions.AI.Abstractions 11; a caller who asks for
// background responses meets MEAI001 at that call, not in this generated code.
#pragma warning disable MEAI001
namespace Wiro;

using System;
using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;

/// <summary>
/// Where a background chat response of a <see cref="WiroChatClient"/> stands: the tool, its task (id and socket access
/// token), the conversation, and how much of the thinking and the answer a stream had handed out when this token was
/// made. Stored as UTF-8 JSON (<see cref="ToBytes"/>), so it survives <see cref="ResponseContinuationToken.FromBytes"/>
/// and JSON serialization; <see cref="From"/> reads it back. The socket access token lets its holder follow the task:
/// keep the token as you would the task.
/// </summary>
public sealed class WiroChatContinuationToken : ResponseContinuationToken
{
    /// <summary>The longest token read back (its own JSON is far shorter); a longer one is refused unread.</summary>
    private const int MaxBytes = 4096;

    /// <summary>Makes a token.</summary>
    /// <param name="modelId">The tool's <c>owner/model</c>.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="socketAccessToken">The task's socket access token.</param>
    /// <param name="conversationId">The conversation (session id) of the turn; null when the tool keeps none.</param>
    /// <param name="thinkingLength">How many characters of the thinking were handed out.</param>
    /// <param name="answerLength">How many characters of the answer were handed out.</param>
    public WiroChatContinuationToken(string modelId, string taskId, string socketAccessToken, string? conversationId, int thinkingLength, int answerLength)
    {
        ModelId = Required(modelId, nameof(modelId));
        TaskId = Required(taskId, nameof(taskId));
        SocketAccessToken = socketAccessToken ?? throw new ArgumentNullException(nameof(socketAccessToken));
        ConversationId = conversationId;
        ThinkingLength = thinkingLength >= 0 ? thinkingLength : throw new ArgumentOutOfRangeException(nameof(thinkingLength));
        AnswerLength = answerLength >= 0 ? answerLength : throw new ArgumentOutOfRangeException(nameof(answerLength));
    }

    /// <summary>The tool's <c>owner/model</c>: a token is taken back only by a client of the same tool.</summary>
    public string ModelId { get; }

    /// <summary>The task's id (the response id).</summary>
    public string TaskId { get; }

    /// <summary>The task's socket access token, to follow it again.</summary>
    public string SocketAccessToken { get; }

    /// <summary>The conversation (session id) of the turn; null when the tool keeps none.</summary>
    public string? ConversationId { get; }

    /// <summary>How many characters of the thinking the stream had handed out: a resumed stream starts after them.</summary>
    public int ThinkingLength { get; }

    /// <summary>How many characters of the answer the stream had handed out: a resumed stream starts after them.</summary>
    public int AnswerLength { get; }

    /// <summary>The task to follow again, as <see cref="WiroClient.RunAsync"/> returned it.</summary>
    internal WiroRunResult Run => new(TaskId, SocketAccessToken);

    /// <summary>The token as UTF-8 JSON.</summary>
    public override ReadOnlyMemory<byte> ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("wiroChat", ModelId);
            json.WriteString("taskId", TaskId);
            json.WriteString("socketAccessToken", SocketAccessToken);
            if (ConversationId is not null)
            {
                json.WriteString("conversationId", ConversationId);
            }

            json.WriteNumber("thinkingLength", ThinkingLength);
            json.WriteNumber("answerLength", AnswerLength);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>
    /// The Wiro chat token <paramref name="token"/> is, or holds in its bytes (as <see cref="ResponseContinuationToken.FromBytes"/>
    /// or JSON deserialization gives it back).
    /// </summary>
    /// <exception cref="ArgumentException">The token is not one a <see cref="WiroChatClient"/> made.</exception>
    public static WiroChatContinuationToken From(ResponseContinuationToken token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        if (token is WiroChatContinuationToken wiro)
        {
            return wiro;
        }

        var bytes = token.ToBytes();
        return bytes.Length <= MaxBytes && Read(bytes.Span) is { } read
            ? read
            : throw new ArgumentException("The continuation token was not made by a Wiro chat client.", nameof(token));
    }

    private static WiroChatContinuationToken? Read(ReadOnlySpan<byte> bytes)
    {
        string? model = null, task = null, socket = null, conversation = null;
        int? thinking = null, answer = null;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "wiroChat" when reader.TokenType == JsonTokenType.String: model = reader.GetString(); break;
                    case "taskId" when reader.TokenType == JsonTokenType.String: task = reader.GetString(); break;
                    case "socketAccessToken" when reader.TokenType == JsonTokenType.String: socket = reader.GetString(); break;
                    case "conversationId" when reader.TokenType == JsonTokenType.String: conversation = reader.GetString(); break;
                    case "thinkingLength" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var t) && t >= 0: thinking = t; break;
                    case "answerLength" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var a) && a >= 0: answer = a; break;
                    default: return null;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }

        return string.IsNullOrEmpty(model) || string.IsNullOrEmpty(task) || socket is null || thinking is null || answer is null
            ? null
            : new WiroChatContinuationToken(model!, task!, socket, conversation, thinking.Value, answer.Value);
    }

    private static string Required(string value, string name)
        => string.IsNullOrEmpty(value) ? throw new ArgumentException("A value is required.", name) : value;
}
