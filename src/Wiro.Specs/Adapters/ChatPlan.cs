namespace Wiro.Specs;

/// <summary>
/// An LLM or chat tool as a chat client (Microsoft.Extensions.AI's <c>IChatClient</c>): which of its inputs, by wire
/// key, take the user's turn, the session id, the system prompt, the user id and the chat options. Made by
/// <see cref="ChatPlanner"/> from the tool's <see cref="FunctionPlan"/>; the generator writes it as the core's
/// <c>WiroChatDescriptor</c> over the tool's function descriptor. A role the tool has no input for is null. Value-equal.
/// </summary>
/// <param name="PromptInput">The input that takes the user's turn.</param>
/// <param name="SessionIdInput">The input that takes the session id (the conversation Wiro keeps).</param>
/// <param name="SystemPromptInput">The input that takes the instructions and system messages.</param>
/// <param name="UserIdInput">The input that takes a user id.</param>
/// <param name="TemperatureInput">The input that takes the temperature.</param>
/// <param name="TopPInput">The input that takes top-p.</param>
/// <param name="TopKInput">The input that takes top-k.</param>
/// <param name="MaxOutputTokensInput">The input that takes the most tokens to generate.</param>
/// <param name="SeedInput">The input that takes the seed.</param>
/// <param name="ModelInput">The select that takes the model id (a tool that serves several models, as <c>wiro/chat</c>).</param>
/// <param name="ModelChoices">That select's options: the model id a caller names (label or value) and the value sent.</param>
/// <param name="ReasoningInput">The select that takes the reasoning effort (its values name efforts: <c>low</c>, <c>high</c>...).</param>
/// <param name="ImageInput">The file input (one file or a list) that takes the images of the user's turn.</param>
public sealed record ChatPlan(
    string PromptInput,
    string? SessionIdInput,
    string? SystemPromptInput,
    string? UserIdInput,
    string? TemperatureInput,
    string? TopPInput,
    string? TopKInput,
    string? MaxOutputTokensInput,
    string? SeedInput,
    string? ModelInput = null,
    EquatableArray<InputChoice> ModelChoices = default,
    string? ReasoningInput = null,
    string? ImageInput = null);
