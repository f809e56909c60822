#nullable enable
namespace Wiro;

using System;

/// <summary>
/// A run of a <see cref="WiroToolFunction"/>: its checked arguments, written by the same writers and rules as a
/// generated request. Every input is written; one not given is sent as a default typed request sends it (its page
/// default, or empty), so a function called with no arguments sends exactly what <c>new {Tool}Request()</c> sends.
/// </summary>
internal sealed record ToolFunctionRequest : WiroRequest
{
    private readonly WiroToolFunctionDescriptor _descriptor;
    private readonly object?[] _values;

    /// <param name="descriptor">The tool's function data.</param>
    /// <param name="values">By input index: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
    /// <see cref="bool"/> or <see cref="string"/>[], as <see cref="ToolFunctionArguments"/> read them; null when not given.</param>
    public ToolFunctionRequest(WiroToolFunctionDescriptor descriptor, object?[] values)
    {
        _descriptor = descriptor;
        _values = values;
    }

    protected internal override void WriteParameters(WiroParameterWriter writer)
    {
        for (var i = 0; i < _descriptor.Inputs.Count; i++)
        {
            var input = _descriptor.Inputs[i];
            if (_values[i] is { } value)
            {
                WriteGiven(writer, input, value);
            }
            else
            {
                WriteDefault(writer, input);
            }
        }
    }

    private static void WriteGiven(WiroParameterWriter writer, WiroToolFunctionInput input, object value)
    {
        switch (input.Kind)
        {
            case WiroToolInputKind.Integer:
                writer.WriteNumber(input.Key, (long)value);
                break;
            case WiroToolInputKind.Number:
                writer.WriteNumber(input.Key, (double)value);
                break;
            case WiroToolInputKind.Boolean:
                writer.WriteString(input.Key, (bool)value ? "true" : "false");
                break;
            case WiroToolInputKind.StringList:
                writer.WriteStringList(input.Key, (string[])value);
                break;
            case WiroToolInputKind.FileUrl:
                writer.WriteFile(input.Key, WiroFile.FromUrl((string)value));
                break;
            case WiroToolInputKind.FileUrlList:
                var urls = (string[])value;
                var files = new WiroFile[urls.Length];
                for (var i = 0; i < urls.Length; i++)
                {
                    files[i] = WiroFile.FromUrl(urls[i]);
                }

                writer.WriteFiles(input.Key, files);
                break;
            default:
                writer.WriteString(input.Key, (string)value);
                break;
        }
    }

    /// <summary>What a default typed request writes for the input (see the generated <c>WriteParameters</c>).</summary>
    private static void WriteDefault(WiroParameterWriter writer, WiroToolFunctionInput input)
    {
        var text = input.DefaultValue;
        switch (input.Kind)
        {
            case WiroToolInputKind.Integer when input.DefaultNumber is long integer:
                writer.WriteNumber(input.Key, integer);
                break;
            case WiroToolInputKind.Number when input.DefaultNumber is double number:
                writer.WriteNumber(input.Key, number);
                break;
            case WiroToolInputKind.StringList:
                writer.WriteStringList(input.Key, text is null ? Array.Empty<string>() : text.Split(','));
                break;
            case WiroToolInputKind.FileUrl:
                writer.WriteFile(input.Key, text is null ? null : WiroFile.FromUrl(text));
                break;
            case WiroToolInputKind.FileUrlList:
                writer.WriteFiles(input.Key, Array.Empty<WiroFile>());
                break;
            default:
                // Strings, a select's value, booleans as "true"/"false"; an input with no default as "".
                writer.WriteString(input.Key, text);
                break;
        }
    }
}
