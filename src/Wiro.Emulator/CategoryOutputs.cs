using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The output that fits a tool, read from its spec's categories: a video for <c>*-to-video</c>; for the kinds the
/// clients have adapters for, as the spec layer reads them (<see cref="AdapterCategories"/>), a sound for
/// text-to-speech, text for speech-to-text, an inline answer for an LLM and images for an image tool; then a sound for
/// <c>*-to-speech</c>, <c>*-to-song</c>, <c>*-to-audio</c>, <c>*-to-music</c> or <c>music-generation</c>, text for
/// <c>*-to-text</c> and an image for <c>*-to-image</c>. The first category that names a kind decides
/// (<c>speech-to-text</c> before <c>audio</c>); none gives null.
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
        foreach (var category in spec.Categories.Select(AdapterCategories.Normalized))
        {
            if (category.EndsWith("-to-video", StringComparison.Ordinal) || category == "video-generation")
            {
                return [WiroOutputFile.Mp4()];
            }

            // The kinds the clients have adapters for, as the spec layer reads the categories.
            switch (AdapterCategories.Of(category))
            {
                case AdapterKind.TextToSpeech:
                    return [WiroOutputFile.Wav()];
                case AdapterKind.SpeechToText:
                    return [WiroOutputFile.Text("0.txt", "Emulated transcript.")];
                case AdapterKind.Chat:
                    return [WiroOutputFile.LlmAnswer(prompt ?? "", "Emulated answer.")];
                case AdapterKind.Image:
                    return Images(imageCount);
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

            if (category.EndsWith("-to-image", StringComparison.Ordinal))
            {
                return Images(imageCount);
            }
        }

        return null;
    }

    private static WiroOutputFile[] Images(int count)
        => Enumerable.Range(0, Math.Clamp(count, 1, MaxImages))
            .Select(i => WiroOutputFile.Png(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png"))
            .ToArray();
}
