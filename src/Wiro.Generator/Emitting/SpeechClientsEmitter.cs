using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes what a speech tool's client needs from its spec: the speech-to-text or text-to-speech descriptor (the plan's
/// input keys and choices, over the tool's function descriptor) and <c>AsISpeechToTextClient</c> or
/// <c>AsITextToSpeechClient</c>. The clients themselves are the core's: no per-tool logic is generated.
/// </summary>
internal static class SpeechClientsEmitter
{
    /// <summary><c>SpeechToTextDescriptor</c> and <c>AsISpeechToTextClient</c>.</summary>
    public static void WriteSpeechToText(SourceWriter writer, SpeechToTextPlan plan, EmitContext context)
    {
        var descriptor = context.Qualify("WiroSpeechToTextDescriptor");
        writer.WriteLine($$"""

            /// <summary>
            /// This speech-to-text tool as a client's data, from the spec: which inputs take the audio and the language.
            /// <see cref="AsISpeechToTextClient"/> makes the client from it; the core's <see cref="{{context.Qualify("WiroSpeechToTextClient")}}"/> does the work.
            /// </summary>
            public static {{descriptor}} SpeechToTextDescriptor { get; } = new {{descriptor}}(FunctionDescriptor, {{Escape.StringLiteral(plan.AudioInput)}})
            {
            """);
        writer.Indentation++;
        DescriptorInitializers.Role(writer, "LanguageInput", plan.LanguageInput);
        DescriptorInitializers.Choices(writer, "LanguageChoices", plan.LanguageChoices);
        writer.Indentation--;
        writer.WriteLine("""
            };

            /// <summary>
            /// This speech-to-text tool as a <see cref="global::Microsoft.Extensions.AI.ISpeechToTextClient"/> (experimental in
            /// Microsoft.Extensions.AI: MEAI001): the audio is uploaded to the tool's audio input, the spoken language goes to its language
            /// input; the transcript comes when the task ends. Each call is a paid run.
            /// </summary>
            /// <returns>The speech-to-text client, over this client's <c>WiroClient</c>.</returns>
            """);
        DescriptorInitializers.ExperimentalMethod(writer, context, $$"""
            public virtual global::Microsoft.Extensions.AI.ISpeechToTextClient AsISpeechToTextClient()
                => new {{context.Qualify("WiroSpeechToTextClient")}}(Client, SpeechToTextDescriptor);
            """);
    }

    /// <summary><c>TextToSpeechDescriptor</c> and <c>AsITextToSpeechClient</c>.</summary>
    public static void WriteTextToSpeech(SourceWriter writer, TextToSpeechPlan plan, EmitContext context)
    {
        var descriptor = context.Qualify("WiroTextToSpeechDescriptor");
        writer.WriteLine($$"""

            /// <summary>
            /// This text-to-speech tool as a client's data, from the spec: which inputs take the text, the voice and the options.
            /// <see cref="AsITextToSpeechClient"/> makes the client from it; the core's <see cref="{{context.Qualify("WiroTextToSpeechClient")}}"/> does the work.
            /// </summary>
            public static {{descriptor}} TextToSpeechDescriptor { get; } = new {{descriptor}}(FunctionDescriptor, {{Escape.StringLiteral(plan.TextInput)}})
            {
            """);
        writer.Indentation++;
        DescriptorInitializers.Role(writer, "VoiceInput", plan.VoiceInput);
        DescriptorInitializers.Choices(writer, "VoiceChoices", plan.VoiceChoices);
        DescriptorInitializers.Role(writer, "ModelInput", plan.ModelInput);
        DescriptorInitializers.Choices(writer, "ModelChoices", plan.ModelChoices);
        DescriptorInitializers.Role(writer, "LanguageInput", plan.LanguageInput);
        DescriptorInitializers.Choices(writer, "LanguageChoices", plan.LanguageChoices);
        DescriptorInitializers.Role(writer, "SpeedInput", plan.SpeedInput);
        DescriptorInitializers.Role(writer, "FormatInput", plan.FormatInput);
        writer.Indentation--;
        writer.WriteLine("""
            };

            /// <summary>
            /// This text-to-speech tool as a <see cref="global::Microsoft.Extensions.AI.ITextToSpeechClient"/> (experimental in
            /// Microsoft.Extensions.AI: MEAI001): the text goes to the tool's text input, the voice (by name or id), model, language and speed
            /// to the inputs that take them; the audio comes back as bytes when the task ends. Each call is a paid run.
            /// </summary>
            /// <returns>The text-to-speech client, over this client's <c>WiroClient</c>.</returns>
            """);
        DescriptorInitializers.ExperimentalMethod(writer, context, $$"""
            public virtual global::Microsoft.Extensions.AI.ITextToSpeechClient AsITextToSpeechClient()
                => new {{context.Qualify("WiroTextToSpeechClient")}}(Client, TextToSpeechDescriptor);
            """);
    }
}
