using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace Wiro.Generator.Planning;

/// <summary>
/// The client core's source files, embedded in this assembly: <c>Core/*.cs</c>, emitted to every compilation, and
/// <c>CoreDependencyInjection/*.cs</c>, emitted only where the DI abstractions they are written against are referenced,
/// and <c>CoreAI/*.cs</c>, emitted only where Microsoft.Extensions.AI.Abstractions is.
/// </summary>
internal static class CoreSources
{
    private const string ResourcePrefix = "Wiro.Core.";
    private const string DependencyInjectionPrefix = "Wiro.CoreDependencyInjection.";
    private const string AIPrefix = "Wiro.CoreAI.";
    private const string ImagesPrefix = "Wiro.CoreAIImages.";
    private const string SpeechToTextPrefix = "Wiro.CoreAISpeechToText.";
    private const string TextToSpeechPrefix = "Wiro.CoreAITextToSpeech.";

    /// <summary>Every core file as (file name, text), in resource order.</summary>
    public static IEnumerable<(string FileName, string Text)> Read() => Read(ResourcePrefix);

    /// <summary>The fixed part of <c>AddWiro</c> as (file name, text): the tool registrations are generated.</summary>
    public static IEnumerable<(string FileName, string Text)> ReadDependencyInjection() => Read(DependencyInjectionPrefix);

    /// <summary>The AI functions' part of the core as (file name, text): emitted where Microsoft.Extensions.AI.Abstractions is referenced.</summary>
    public static IEnumerable<(string FileName, string Text)> ReadAI() => Read(AIPrefix);

    /// <summary>The image generator's part of the core (<c>CoreAI/Images/</c>): emitted where <c>IImageGenerator</c> is referenced.</summary>
    public static IEnumerable<(string FileName, string Text)> ReadImages() => Read(ImagesPrefix);

    /// <summary>The speech-to-text client's part of the core (<c>CoreAI/SpeechToText/</c>).</summary>
    public static IEnumerable<(string FileName, string Text)> ReadSpeechToText() => Read(SpeechToTextPrefix);

    /// <summary>The text-to-speech client's part of the core (<c>CoreAI/TextToSpeech/</c>).</summary>
    public static IEnumerable<(string FileName, string Text)> ReadTextToSpeech() => Read(TextToSpeechPrefix);

    private static IEnumerable<(string FileName, string Text)> Read(string prefix)
    {
        var assembly = typeof(CoreSources).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                yield return (resource.Substring(prefix.Length), ReadResource(assembly, resource));
            }
        }
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
