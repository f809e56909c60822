using static Wiro.Specs.AdapterInputs;

namespace Wiro.Specs;

/// <summary>
/// Decides whether a tool is a speech-to-text or a text-to-speech tool, and which inputs take which part: the one
/// home of these rules (the categories as <see cref="AdapterCategories"/> reads them). Speech-to-text: a category <c>speech-to-text</c>, <c>automatic-speech-recognition</c>,
/// <c>transcription</c> or <c>audio-to-text</c>, and a file input for the audio (one whose key names audio, else the
/// only file input). Text-to-speech: a category <c>text-to-speech</c> or <c>tts</c>, and a free text input for the
/// text. Roles are found as <see cref="AdapterInputs"/> finds them.
/// </summary>
public static class SpeechPlanner
{
    private static readonly string[] Audio = { "inputaudiourl", "inputaudio", "audiourl", "audio", "audiofile", "file", "inputfile", "inputfileurl" };
    private static readonly string[] Language = { "language", "lang", "languagecode", "spokenlanguage", "sourcelanguage", "inputlanguage" };
    // The words to speak: "text" first, since a tool with both may take a description of the voice as its prompt.
    private static readonly string[] Text = { "text", "inputtext", "prompt", "input", "script" };
    private static readonly string[] Voice = { "voice", "voiceid", "speaker", "speakerid", "voicename" };
    private static readonly string[] Model = { "model", "modelid", "selectedmodel" };
    private static readonly string[] Speed = { "speed", "rate", "speechrate" };
    private static readonly string[] Format = { "outputformat", "format", "audioformat" };
    private static readonly string[] Formats = { "mp3", "wav", "ogg", "opus", "flac", "aac", "pcm" };

    /// <summary>The tool as a speech-to-text client, or null when it is not a speech-to-text tool.</summary>
    public static SpeechToTextPlan? PlanSpeechToText(ToolSpec spec, FunctionPlan function)
    {
        if (!AdapterCategories.Has(spec, AdapterKind.SpeechToText))
        {
            return null;
        }

        var audio = Find(function, Audio, IsFile) ?? OnlyFileInput(function);
        if (audio is null)
        {
            return null;
        }

        var language = Find(function, Language, input => IsFreeText(input) || IsSelect(input));
        return new SpeechToTextPlan(audio, language, Choices(spec, function, language));
    }

    /// <summary>The tool as a text-to-speech client, or null when it is not a text-to-speech tool.</summary>
    public static TextToSpeechPlan? PlanTextToSpeech(ToolSpec spec, FunctionPlan function)
    {
        if (!AdapterCategories.Has(spec, AdapterKind.TextToSpeech))
        {
            return null;
        }

        var text = Find(function, Text, IsFreeText);
        if (text is null)
        {
            return null;
        }

        var voice = Find(function, Voice, input => IsFreeText(input) || IsSelect(input), except: text);
        var model = Find(function, Model, IsSelect);
        var language = Find(function, Language, input => IsFreeText(input) || IsSelect(input), except: text);
        return new TextToSpeechPlan(
            text,
            voice,
            Choices(spec, function, voice),
            model,
            Choices(spec, function, model),
            language,
            Choices(spec, function, language),
            Find(function, Speed, IsNumber),
            Find(function, Format, input => IsSelect(input) && AnyOf(input.AllowedValues, Formats)));
    }

    private static string? OnlyFileInput(FunctionPlan function)
    {
        string? only = null;
        foreach (var input in function.Inputs)
        {
            if (IsFile(input))
            {
                if (only is not null)
                {
                    return null;
                }

                only = input.Key;
            }
        }

        return only;
    }
}
