using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes what a chat tool's client needs from its spec: the chat descriptor (the <see cref="ChatPlan"/>'s input keys
/// as constants, every one through <see cref="DescriptorInitializers"/>, over the tool's function descriptor) and <c>AsIChatClient</c>.
/// The chat client itself is the core's <c>WiroChatClient</c>: no per-tool logic is generated.
/// </summary>
internal static class ChatClientEmitter
{
    /// <summary>The members a chat tool's client gets, after <c>FunctionDescriptor</c>: <c>ChatDescriptor</c> and <c>AsIChatClient</c>.</summary>
    public static void WriteClientMembers(SourceWriter writer, ChatPlan chat, EmitContext context)
    {
        var descriptor = context.Qualify("WiroChatDescriptor");
        writer.WriteLine($$"""

            /// <summary>
            /// This LLM tool as a chat's data, from the spec: which inputs take the user's turn, the session, the system prompt and the
            /// options. <see cref="AsIChatClient"/> makes the chat client from it; the core's <see cref="{{context.Qualify("WiroChatClient")}}"/> does the work.
            /// </summary>
            public static {{descriptor}} ChatDescriptor { get; } = new {{descriptor}}(FunctionDescriptor, {{Escape.StringLiteral(chat.PromptInput)}})
            {
            """);
        writer.Indentation++;
        DescriptorInitializers.Role(writer, "SessionIdInput", chat.SessionIdInput);
        DescriptorInitializers.Role(writer, "SystemPromptInput", chat.SystemPromptInput);
        DescriptorInitializers.Role(writer, "UserIdInput", chat.UserIdInput);
        DescriptorInitializers.Role(writer, "TemperatureInput", chat.TemperatureInput);
        DescriptorInitializers.Role(writer, "TopPInput", chat.TopPInput);
        DescriptorInitializers.Role(writer, "TopKInput", chat.TopKInput);
        DescriptorInitializers.Role(writer, "MaxOutputTokensInput", chat.MaxOutputTokensInput);
        DescriptorInitializers.Role(writer, "SeedInput", chat.SeedInput);
        DescriptorInitializers.Role(writer, "ModelInput", chat.ModelInput);
        DescriptorInitializers.Choices(writer, "ModelChoices", chat.ModelChoices);
        DescriptorInitializers.Role(writer, "ReasoningInput", chat.ReasoningInput);
        DescriptorInitializers.Role(writer, "ImageInput", chat.ImageInput);
        writer.Indentation--;
        writer.WriteLine($$"""
            };

            /// <summary>
            /// This LLM tool as a <see cref="global::Microsoft.Extensions.AI.IChatClient"/>: the new user turn goes to the prompt, the
            /// conversation id to the session (a new one is made and returned when none is given), instructions to the system prompt; the
            /// answer streams as deltas (thinking as reasoning), confirmed by Task/Detail. Each call is a paid run.
            /// </summary>
            /// <returns>The chat client, over this client's <c>WiroClient</c>.</returns>
            public virtual global::Microsoft.Extensions.AI.IChatClient AsIChatClient()
                => new {{context.Qualify("WiroChatClient")}}(Client, ChatDescriptor);
            """);
    }
}
