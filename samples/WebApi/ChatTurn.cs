namespace WebApi;

/// <summary>
/// One turn of <c>POST /chat</c>: the user's message, and the conversation to continue (the <c>conversationId</c> of an
/// earlier turn's <c>done</c> event; none starts a new one). Wiro keeps the conversation, so only the new turn is sent.
/// </summary>
internal sealed record ChatTurn(string? Message, string? ConversationId = null)
{
    /// <summary>The longest message taken, in characters: a sample's bound, not Wiro's.</summary>
    public const int MaxMessageLength = 32_000;

    /// <summary>What is wrong with the body, by field; empty when it can be sent.</summary>
    internal Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Message))
        {
            errors["message"] = ["A message is required."];
        }
        else if (Message.Length > MaxMessageLength)
        {
            errors["message"] = [$"At most {MaxMessageLength} characters."];
        }

        if (ConversationId is { } id && !Guid.TryParse(id, out _))
        {
            errors["conversationId"] = ["A conversation id is the GUID an earlier turn returned."];
        }

        return errors;
    }
}
