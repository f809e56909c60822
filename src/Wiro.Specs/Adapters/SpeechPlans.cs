namespace Wiro.Specs;

/// <summary>
/// A speech-to-text tool as Microsoft.Extensions.AI's <c>ISpeechToTextClient</c>: the file input that takes the audio
/// and the input that takes the spoken language. Made by <see cref="SpeechPlanner"/>; written as the core's
/// <c>WiroSpeechToTextDescriptor</c>. Value-equal.
/// </summary>
/// <param name="AudioInput">The file input that takes the audio.</param>
/// <param name="LanguageInput">The input (a select or free text) that takes the spoken language; null when none.</param>
/// <param name="LanguageChoices">That input's options when it is a select (value and label).</param>
public sealed record SpeechToTextPlan(string AudioInput, string? LanguageInput, EquatableArray<InputChoice> LanguageChoices);

/// <summary>
/// A text-to-speech tool as Microsoft.Extensions.AI's <c>ITextToSpeechClient</c>: which inputs take the text, the
/// voice, the model, the language, the speed and the audio format. Made by <see cref="SpeechPlanner"/>; written as the
/// core's <c>WiroTextToSpeechDescriptor</c>. A role the tool has no input for is null. Value-equal.
/// </summary>
/// <param name="TextInput">The free text input that takes the text to speak.</param>
/// <param name="VoiceInput">The input (a select or free text) that takes the voice.</param>
/// <param name="VoiceChoices">That input's options when it is a select: a voice id is sent by value or by label.</param>
/// <param name="ModelInput">The select that takes the model.</param>
/// <param name="ModelChoices">That select's options.</param>
/// <param name="LanguageInput">The input that takes the language.</param>
/// <param name="LanguageChoices">That input's options when it is a select.</param>
/// <param name="SpeedInput">The number input that takes the speed multiplier.</param>
/// <param name="FormatInput">The select that takes the audio format (<c>mp3</c>, <c>wav</c>...).</param>
public sealed record TextToSpeechPlan(
    string TextInput,
    string? VoiceInput,
    EquatableArray<InputChoice> VoiceChoices,
    string? ModelInput,
    EquatableArray<InputChoice> ModelChoices,
    string? LanguageInput,
    EquatableArray<InputChoice> LanguageChoices,
    string? SpeedInput,
    string? FormatInput);
