using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The output that fits a tool, read from its spec's categories: a video for <c>*-to-video</c>, a sound for
/// <c>*-to-speech</c>, <c>*-to-song</c>, <c>*-to-audio</c>, <c>*-to-music</c> or <c>music-generation</c>, text for
/// <c>*-to-text</c>, an inline answer for <c>llm</c> or <c>chat</c>, and an image for <c>*-to-image</c>. The first
/// category that names a kind decides (<c>speech-to-text</c> before <c>audio</c>); none gives null.
/// </summary>
internal static class CategoryOutputs
{
    /// <summary>True when the category that decides is <c>llm</c> or <c>chat</c>: the tool streams an answer (<see cref="LlmScript"/>).</summary>
    public static bool IsLlm(ToolSpec spec) => For(spec, prompt: null) is [{ InlineJson: not null }];

    /// <summary>The most images an emulated image tool makes in one task, whatever its count input asks.</summary>
    public const int MaxImages = 16;

    /// <param name="spec">The tool's spec.</param>
    /// <param name="prompt">The run's prompt, which an LLM answer quotes.</param>
    /// <param name="imageCount">How many images an image tool makes: <c>0.png</c>, <c>1.png</c>... (at least one, at most <see cref="MaxImages"/>).</param>
    public static WiroOutputFile[]? For(ToolSpec spec, string? prompt, int imageCount = 1)
    {
        foreach (var category in spec.Categories.Select(category => category.Trim().ToLowerInvariant()))
        {
            if (category.EndsWith("-to-video", StringComparison.Ordinal) || category == "video-generation")
            {
                return [WiroOutputFile.Mp4()];
            }

            if (category.EndsWith("-to-speech", StringComparison.Ordinal) || category.EndsWith("-to-song", StringComparison.Ordinal)
                || category.EndsWith("-to-audio", StringComparison.Ordinal) || category.EndsWith("-to-music", StringComparison.Ordinal)
                || category == "music-generation")
            {
                return [WiroOutputFile.Wav()];
            }

            if (category.EndsWith("-to-text", StringComparison.Ordinal))
            {
                return [WiroOutputFile.Text("0.txt", "Emulated transcript.")];
            }

            if (category is "llm" or "chat")
            {
                return [WiroOutputFile.LlmAnswer(prompt ?? "", "Emulated answer.")];
            }

            if (category.EndsWith("-to-image", StringComparison.Ordinal) || category == "image-editing")
            {
                return Enumerable.Range(0, Math.Clamp(imageCount, 1, MaxImages))
                    .Select(i => WiroOutputFile.Png(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png"))
                    .ToArray();
            }
        }

        return null;
    }
}
