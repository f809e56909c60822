namespace Wiro.Specs;

/// <summary>The Microsoft.Extensions.AI client a tool category names.</summary>
public enum AdapterKind
{
    /// <summary>No adapter.</summary>
    None,

    /// <summary>An LLM or chat tool: <c>IChatClient</c>.</summary>
    Chat,

    /// <summary>An image tool: <c>IImageGenerator</c>.</summary>
    Image,

    /// <summary>A speech-to-text tool: <c>ISpeechToTextClient</c>.</summary>
    SpeechToText,

    /// <summary>A text-to-speech tool: <c>ITextToSpeechClient</c>.</summary>
    TextToSpeech,
}

/// <summary>
/// Which page categories name which adapter: the one home of that rule, used by the planners (which also need the
/// inputs a role takes) and by the emulator (which answers each kind as Wiro does). A category is compared trimmed,
/// lowered, with spaces as <c>-</c> (<c>Image to Image</c> is <c>image-to-image</c>).
/// </summary>
public static class AdapterCategories
{
    /// <summary>The adapter one category names, or <see cref="AdapterKind.None"/>.</summary>
    public static AdapterKind Of(string category)
        => Normalized(category) switch
        {
            "llm" or "chat" => AdapterKind.Chat,
            "text-to-image" or "image-to-image" or "image-editing" or "inpainting" => AdapterKind.Image,
            "speech-to-text" or "automatic-speech-recognition" or "transcription" or "audio-to-text" => AdapterKind.SpeechToText,
            "text-to-speech" or "tts" => AdapterKind.TextToSpeech,
            _ => AdapterKind.None,
        };

    /// <summary>True when one of the page's categories names <paramref name="kind"/>.</summary>
    public static bool Has(ToolSpec spec, AdapterKind kind)
    {
        foreach (var category in spec.Categories)
        {
            if (Of(category) == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A category trimmed, lowered, with spaces as <c>-</c>.</summary>
    public static string Normalized(string category) => category.Trim().ToLowerInvariant().Replace(' ', '-');
}
