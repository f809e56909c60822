namespace Wiro.Generator.Pipeline;

/// <summary>
/// Which of Microsoft.Extensions.AI's image and speech abstractions a compilation references: they arrived in different
/// versions of Microsoft.Extensions.AI.Abstractions, all marked <c>[Experimental("MEAI001")]</c>. Value-equal.
/// </summary>
/// <param name="ImageGenerator"><c>IImageGenerator</c> and what the core's image generator uses with it.</param>
/// <param name="SpeechToText"><c>ISpeechToTextClient</c> and what the core's speech-to-text client uses with it.</param>
/// <param name="TextToSpeech"><c>ITextToSpeechClient</c> and what the core's text-to-speech client uses with it.</param>
/// <param name="ExperimentalAttribute"><c>System.Diagnostics.CodeAnalysis.ExperimentalAttribute</c> (.NET 8): the
/// generated <c>AsIImageGenerator()</c> and speech methods carry <c>MEAI001</c> themselves, as the abstractions do.</param>
public sealed record MediaAbstractions(bool ImageGenerator, bool SpeechToText, bool TextToSpeech, bool ExperimentalAttribute)
{
    /// <summary>None of them.</summary>
    public static MediaAbstractions None { get; } = new(false, false, false, false);
}
