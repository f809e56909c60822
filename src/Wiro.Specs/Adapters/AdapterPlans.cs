namespace Wiro.Specs;

/// <summary>
/// A tool as the Microsoft.Extensions.AI clients it can be: a chat client, an image generator, a speech-to-text or a
/// text-to-speech client; each null when the tool is not one. Made by <see cref="Plan"/>. Value-equal.
/// </summary>
public sealed record AdapterPlans(ChatPlan? Chat, ImagePlan? Image, SpeechToTextPlan? SpeechToText, TextToSpeechPlan? TextToSpeech)
{
    /// <summary>A tool that is none of them.</summary>
    public static AdapterPlans None { get; } = new(null, null, null, null);

    /// <summary>Every adapter the tool can be, planned from its page and its function.</summary>
    public static AdapterPlans Plan(ToolSpec spec, FunctionPlan function)
        => new(
            ChatPlanner.Plan(spec, function),
            ImagePlanner.Plan(spec, function),
            SpeechPlanner.PlanSpeechToText(spec, function),
            SpeechPlanner.PlanTextToSpeech(spec, function));
}
