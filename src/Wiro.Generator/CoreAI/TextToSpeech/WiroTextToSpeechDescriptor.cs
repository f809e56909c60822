#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// The data a <see cref="WiroTextToSpeechClient"/> is made from: the tool and which of its inputs take the text, the
/// voice, the model, the language, the speed and the audio format. Generated clients of text-to-speech tools hold one
/// (<c>{Tool}Client.TextToSpeechDescriptor</c>), planned from the page by the spec layer; an input a tool lacks stays
/// null and the option it would take is ignored.
/// </summary>
public sealed class WiroTextToSpeechDescriptor
{
    private readonly string? _voiceInput;
    private readonly string? _modelInput;
    private readonly string? _languageInput;
    private readonly string? _speedInput;
    private readonly string? _formatInput;

    /// <summary>Describes a text-to-speech tool.</summary>
    /// <param name="tool">The tool: its Run endpoint and every input, in the order they are sent.</param>
    /// <param name="textInput">The key of the input that takes the text to speak.</param>
    /// <exception cref="ArgumentException"><paramref name="textInput"/> is not an input of the tool.</exception>
    public WiroTextToSpeechDescriptor(WiroToolFunctionDescriptor tool, string textInput)
    {
        Tool = tool ?? throw new ArgumentNullException(nameof(tool));
        TextInput = tool.Checked(textInput ?? throw new ArgumentNullException(nameof(textInput)), nameof(textInput))!;
    }

    /// <summary>The tool: its Run endpoint and every input.</summary>
    public WiroToolFunctionDescriptor Tool { get; }

    /// <summary>The key of the input that takes the text to speak.</summary>
    public string TextInput { get; }

    /// <summary>The key of the input that takes <c>TextToSpeechOptions.VoiceId</c> (by value, or by label in <see cref="VoiceChoices"/>); null when none.</summary>
    public string? VoiceInput { get => _voiceInput; init => _voiceInput = Tool.Checked(value, nameof(VoiceInput)); }

    /// <summary>The voice select's options as the page lists them: each label (a voice's name) with the value sent for it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> VoiceChoices { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The key of the select that takes <c>TextToSpeechOptions.ModelId</c>; null when none.</summary>
    public string? ModelInput { get => _modelInput; init => _modelInput = Tool.Checked(value, nameof(ModelInput)); }

    /// <summary>The model select's options as the page lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ModelChoices { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The key of the input that takes <c>TextToSpeechOptions.Language</c>; null when none.</summary>
    public string? LanguageInput { get => _languageInput; init => _languageInput = Tool.Checked(value, nameof(LanguageInput)); }

    /// <summary>The language select's options as the page lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LanguageChoices { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The key of the number input that takes <c>TextToSpeechOptions.Speed</c>; null when none.</summary>
    public string? SpeedInput { get => _speedInput; init => _speedInput = Tool.Checked(value, nameof(SpeedInput)); }

    /// <summary>The key of the select that takes <c>TextToSpeechOptions.AudioFormat</c>; null when none.</summary>
    public string? FormatInput { get => _formatInput; init => _formatInput = Tool.Checked(value, nameof(FormatInput)); }
}
