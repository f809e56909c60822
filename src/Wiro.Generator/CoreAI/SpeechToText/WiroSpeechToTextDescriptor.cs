#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// The data a <see cref="WiroSpeechToTextClient"/> is made from: the tool and which of its inputs take the audio and
/// the spoken language. Generated clients of speech-to-text tools hold one (<c>{Tool}Client.SpeechToTextDescriptor</c>),
/// planned from the page by the spec layer.
/// </summary>
public sealed class WiroSpeechToTextDescriptor
{
    private readonly string? _languageInput;

    /// <summary>Describes a speech-to-text tool.</summary>
    /// <param name="tool">The tool: its Run endpoint and every input, in the order they are sent.</param>
    /// <param name="audioInput">The key of the file input that takes the audio.</param>
    /// <exception cref="ArgumentException"><paramref name="audioInput"/> is not a file input of the tool.</exception>
    public WiroSpeechToTextDescriptor(WiroToolFunctionDescriptor tool, string audioInput)
    {
        Tool = tool ?? throw new ArgumentNullException(nameof(tool));
        AudioInput = tool.Checked(audioInput ?? throw new ArgumentNullException(nameof(audioInput)), nameof(audioInput), file: true)!;
    }

    /// <summary>The tool: its Run endpoint and every input.</summary>
    public WiroToolFunctionDescriptor Tool { get; }

    /// <summary>The key of the file input that takes the audio.</summary>
    public string AudioInput { get; }

    /// <summary>The key of the input that takes the spoken language; null when the tool has none.</summary>
    public string? LanguageInput { get => _languageInput; init => _languageInput = Tool.Checked(value, nameof(LanguageInput)); }

    /// <summary>The language select's options as the page lists them: each label with the value sent for it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LanguageChoices { get; init; } = Array.Empty<KeyValuePair<string, string>>();
}
