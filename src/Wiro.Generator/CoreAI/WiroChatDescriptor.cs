#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// The data a <see cref="WiroChatClient"/> is made from: the tool (its <see cref="WiroToolFunctionDescriptor"/>: Run
/// endpoint and every input, with kinds and defaults) and which of its inputs take the prompt, the session id, the
/// system prompt, the user id and the chat options. Generated clients of LLM and chat tools hold one
/// (<c>{Tool}Client.ChatDescriptor</c>), planned from the page by the spec layer; an input a tool lacks stays null and
/// the option it would take is ignored.
/// </summary>
public sealed class WiroChatDescriptor
{
    private readonly string? _sessionIdInput;
    private readonly string? _systemPromptInput;
    private readonly string? _userIdInput;
    private readonly string? _temperatureInput;
    private readonly string? _topPInput;
    private readonly string? _topKInput;
    private readonly string? _maxOutputTokensInput;
    private readonly string? _seedInput;
    private readonly string? _modelInput;
    private readonly string? _reasoningInput;
    private readonly string? _imageInput;

    /// <summary>Describes a chat tool.</summary>
    /// <param name="tool">The tool: its Run endpoint and every input, in the order they are sent.</param>
    /// <param name="promptInput">The key of the input that takes the user's turn (<c>prompt</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="promptInput"/> is not an input of the tool.</exception>
    public WiroChatDescriptor(WiroToolFunctionDescriptor tool, string promptInput)
    {
        Tool = tool ?? throw new ArgumentNullException(nameof(tool));
        PromptInput = Checked(promptInput, nameof(promptInput)) ?? throw new ArgumentException("A chat tool needs a prompt input.", nameof(promptInput));
    }

    /// <summary>The tool: its Run endpoint and every input.</summary>
    public WiroToolFunctionDescriptor Tool { get; }

    /// <summary>The key of the input that takes the user's turn.</summary>
    public string PromptInput { get; }

    /// <summary>The key of the input that takes the session id (Wiro keeps a conversation per session); null when the tool has none.</summary>
    public string? SessionIdInput { get => _sessionIdInput; init => _sessionIdInput = Checked(value, nameof(SessionIdInput)); }

    /// <summary>The key of the input that takes the instructions and system messages; null when the tool has none.</summary>
    public string? SystemPromptInput { get => _systemPromptInput; init => _systemPromptInput = Checked(value, nameof(SystemPromptInput)); }

    /// <summary>The key of the input that takes a user id (from <c>ChatOptions.AdditionalProperties["user_id"]</c>); null when the tool has none.</summary>
    public string? UserIdInput { get => _userIdInput; init => _userIdInput = Checked(value, nameof(UserIdInput)); }

    /// <summary>The key of the input that takes <c>ChatOptions.Temperature</c>; null when the tool has none.</summary>
    public string? TemperatureInput { get => _temperatureInput; init => _temperatureInput = Checked(value, nameof(TemperatureInput)); }

    /// <summary>The key of the input that takes <c>ChatOptions.TopP</c>; null when the tool has none.</summary>
    public string? TopPInput { get => _topPInput; init => _topPInput = Checked(value, nameof(TopPInput)); }

    /// <summary>The key of the input that takes <c>ChatOptions.TopK</c>; null when the tool has none.</summary>
    public string? TopKInput { get => _topKInput; init => _topKInput = Checked(value, nameof(TopKInput)); }

    /// <summary>The key of the input that takes <c>ChatOptions.MaxOutputTokens</c>; null when the tool has none.</summary>
    public string? MaxOutputTokensInput { get => _maxOutputTokensInput; init => _maxOutputTokensInput = Checked(value, nameof(MaxOutputTokensInput)); }

    /// <summary>The key of the input that takes <c>ChatOptions.Seed</c>; null when the tool has none.</summary>
    public string? SeedInput { get => _seedInput; init => _seedInput = Checked(value, nameof(SeedInput)); }

    /// <summary>
    /// The key of the select that takes <c>ChatOptions.ModelId</c> (a tool that serves several models); null when the
    /// tool has none. A model id is sent when it is one of the select's values, or the label of one in
    /// <see cref="ModelChoices"/> (compared ignoring case); any other is ignored.
    /// </summary>
    public string? ModelInput { get => _modelInput; init => _modelInput = Checked(value, nameof(ModelInput)); }

    /// <summary>The model select's options as the page lists them: each label (a model's name) with the value sent for it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ModelChoices { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// The key of the select that takes <c>ChatOptions.Reasoning.Effort</c>; null when the tool has none. The effort is
    /// sent as the select's value that names it (ignoring case: <c>none</c> or <c>minimal</c>, <c>low</c>,
    /// <c>medium</c>, <c>high</c>, <c>xhigh</c> or <c>max</c>); an effort the select does not name is ignored.
    /// </summary>
    public string? ReasoningInput { get => _reasoningInput; init => _reasoningInput = Checked(value, nameof(ReasoningInput)); }

    /// <summary>
    /// The key of the file input (one URL, or a list) that takes the images of the user's turn; null when the tool has
    /// none. A <c>UriContent</c> image is sent as its http(s) URL; a <c>DataContent</c> image is uploaded first.
    /// </summary>
    public string? ImageInput
    {
        get => _imageInput;
        init
        {
            _imageInput = Checked(value, nameof(ImageInput));
            if (_imageInput is not null && Tool.Inputs[Tool.IndexByKey[_imageInput]].Kind is not (WiroToolInputKind.FileUrl or WiroToolInputKind.FileUrlList))
            {
                throw new ArgumentException($"'{_imageInput}' is not a file input.", nameof(ImageInput));
            }
        }
    }

    /// <summary><c>owner/model</c>: the model id a chat reports.</summary>
    public string ModelId => Tool.Owner + "/" + Tool.Model;

    private string? Checked(string? key, string name)
    {
        if (key is null)
        {
            return null;
        }

        if (!Tool.IndexByKey.ContainsKey(key))
        {
            throw new ArgumentException($"'{key}' is not an input of {Tool.Owner}/{Tool.Model}.", name);
        }

        return key;
    }
}
