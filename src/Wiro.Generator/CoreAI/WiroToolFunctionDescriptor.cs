#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

/// <summary>How a <see cref="WiroToolFunction"/> takes one argument and sends it.</summary>
public enum WiroToolInputKind
{
    /// <summary>A JSON string, sent as written; with allowed values, one of them (a select).</summary>
    String,

    /// <summary>A JSON integer, sent as a number.</summary>
    Integer,

    /// <summary>A JSON number, sent as a number.</summary>
    Number,

    /// <summary>A JSON boolean, sent as the string <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON array of strings, sent comma-joined (a multiselect); with allowed values, each one of them.</summary>
    StringList,

    /// <summary>A file input: an absolute http(s) URL in a JSON string.</summary>
    FileUrl,

    /// <summary>A multi-file input: a JSON array of absolute http(s) URLs.</summary>
    FileUrlList,
}

/// <summary>One argument of a <see cref="WiroToolFunction"/>: its key on the wire, its kind, its default and choices.</summary>
public sealed class WiroToolFunctionInput
{
    /// <summary>Describes one argument.</summary>
    /// <param name="key">The wire key, which is also the argument's name in the schema.</param>
    /// <param name="kind">The argument's JSON kind.</param>
    /// <param name="defaultValue">
    /// What a default typed request sends when the argument is not given, as text (an invariant number, <c>true</c> or
    /// <c>false</c>, an option's value, a URL, list items joined by <c>,</c>); null to send the input empty.
    /// </param>
    /// <param name="allowedValues">The only values a string (or each item of a string list) may take; null when free.</param>
    /// <exception cref="ArgumentException">The key is empty, or the default is not of the kind.</exception>
    public WiroToolFunctionInput(string key, WiroToolInputKind kind, string? defaultValue = null, IReadOnlyList<string>? allowedValues = null)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("An input needs a key.", nameof(key));
        }

        Key = key;
        Kind = kind;
        DefaultValue = defaultValue;
        AllowedValues = allowedValues is { Count: > 0 } ? allowedValues : null;
        object? number = null;
        if (defaultValue is not null && !DefaultFits(kind, defaultValue, out number))
        {
            throw new ArgumentException($"The default of input '{key}' is not a {kind} value.", nameof(defaultValue));
        }

        DefaultNumber = number;
    }

    /// <summary>The wire key, which is also the argument's name.</summary>
    public string Key { get; }

    /// <summary>The argument's JSON kind.</summary>
    public WiroToolInputKind Kind { get; }

    /// <summary>What is sent when the argument is not given, as text; null to send the input empty.</summary>
    public string? DefaultValue { get; }

    /// <summary>The only values a string (or each item of a string list) may take; null when free.</summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    /// <summary>The default of an integer (a <see cref="long"/>) or number (a <see cref="double"/>) input, read once; null otherwise.</summary>
    internal object? DefaultNumber { get; }

    private static bool DefaultFits(WiroToolInputKind kind, string text, out object? number)
    {
        number = null;
        switch (kind)
        {
            case WiroToolInputKind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                number = integer;
                return true;
            case WiroToolInputKind.Integer:
                return false;
            case WiroToolInputKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsNaN(real) && !double.IsInfinity(real):
                number = real;
                return true;
            case WiroToolInputKind.Number:
                return false;
            case WiroToolInputKind.Boolean:
                return text is "true" or "false";
            case WiroToolInputKind.FileUrl:
                return Uri.TryCreate(text, UriKind.Absolute, out _);
            case WiroToolInputKind.FileUrlList:
                return false;
            default:
                return true;
        }
    }
}

/// <summary>
/// The data a <see cref="WiroToolFunction"/> is made from: the tool's function name, description and JSON Schema, its
/// Run endpoint and its arguments. Generated clients hold one per tool (<c>{Tool}Client.FunctionDescriptor</c>); the
/// same rules (Wiro.Specs' <c>FunctionPlanner</c>) can build one from a spec page at run time.
/// </summary>
public sealed class WiroToolFunctionDescriptor
{
    /// <summary>Describes a tool's function.</summary>
    /// <param name="name">The function's name.</param>
    /// <param name="description">What a model reads about the tool.</param>
    /// <param name="jsonSchema">The arguments' JSON Schema, a JSON object.</param>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="inputs">Every input of the tool, in the order they are sent.</param>
    /// <exception cref="ArgumentException">A part is missing, the schema is not a JSON object, or two inputs share a key.</exception>
    public WiroToolFunctionDescriptor(string name, string description, string jsonSchema, string owner, string model, IReadOnlyList<WiroToolFunctionInput> inputs)
        : this(name, description, jsonSchema, owner, model, title: null, inputs)
    {
    }

    /// <summary>Describes a tool's function, with the title a person reads.</summary>
    /// <param name="name">The function's name.</param>
    /// <param name="description">What a model reads about the tool.</param>
    /// <param name="jsonSchema">The arguments' JSON Schema, a JSON object.</param>
    /// <param name="owner">The owner segment of the tool's Run endpoint.</param>
    /// <param name="model">The model segment of the tool's Run endpoint.</param>
    /// <param name="title">The tool's title (an MCP tool's title); null for <c>owner/model</c>.</param>
    /// <param name="inputs">Every input of the tool, in the order they are sent.</param>
    /// <exception cref="ArgumentException">A part is missing, the schema is not a JSON object, or two inputs share a key.</exception>
    public WiroToolFunctionDescriptor(string name, string description, string jsonSchema, string owner, string model, string? title, IReadOnlyList<WiroToolFunctionInput> inputs)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A function needs a name.", nameof(name));
        }

        if (string.IsNullOrEmpty(owner) || string.IsNullOrEmpty(model))
        {
            throw new ArgumentException("A function needs the owner and model of its tool.", string.IsNullOrEmpty(owner) ? nameof(owner) : nameof(model));
        }

        Name = name;
        Description = description ?? "";
        Owner = owner;
        Model = model;
        Title = string.IsNullOrEmpty(title) ? owner + "/" + model : title!;
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        try
        {
            using var document = JsonDocument.Parse(jsonSchema ?? throw new ArgumentNullException(nameof(jsonSchema)));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("A function's JSON Schema must be a JSON object.", nameof(jsonSchema));
            }

            JsonSchema = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ArgumentException("A function's JSON Schema must be JSON: " + exception.Message, nameof(jsonSchema), exception);
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException("An input is null.", nameof(inputs));
            }

            if (!byKey.TryAdd(inputs[i].Key, i))
            {
                throw new ArgumentException($"Two inputs have the key '{inputs[i].Key}'.", nameof(inputs));
            }
        }

        IndexByKey = byKey;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>What a model reads about the tool.</summary>
    public string Description { get; }

    /// <summary>The tool's title, what a person picking tools reads (the page's title).</summary>
    public string Title { get; }

    /// <summary>The arguments' JSON Schema.</summary>
    public JsonElement JsonSchema { get; }

    /// <summary>The owner segment of the tool's Run endpoint.</summary>
    public string Owner { get; }

    /// <summary>The model segment of the tool's Run endpoint.</summary>
    public string Model { get; }

    /// <summary>Every input of the tool, in the order they are sent.</summary>
    public IReadOnlyList<WiroToolFunctionInput> Inputs { get; }

    /// <summary>Each input's index by its key.</summary>
    internal IReadOnlyDictionary<string, int> IndexByKey { get; }

    /// <summary>The owner and model, <c>owner/model</c>: the model id the adapters report.</summary>
    internal string ModelId => Owner + "/" + Model;

    /// <summary>
    /// An adapter descriptor's input key, checked: null stays null; a key must be an input of the tool, and a file
    /// input when <paramref name="file"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not an input of the tool, or not a file input when one is needed.</exception>
    internal string? Checked(string? key, string parameterName, bool file = false)
    {
        if (key is null)
        {
            return null;
        }

        if (!IndexByKey.TryGetValue(key, out var index))
        {
            throw new ArgumentException($"'{key}' is not an input of {Owner}/{Model}.", parameterName);
        }

        if (file && Inputs[index].Kind is not (WiroToolInputKind.FileUrl or WiroToolInputKind.FileUrlList))
        {
            throw new ArgumentException($"'{key}' is not a file input.", parameterName);
        }

        return key;
    }
}
