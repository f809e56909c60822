#nullable enable
namespace Wiro;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

/// <summary>
/// Reads a function call's arguments against its descriptor before anything is sent: each value as a
/// <see cref="JsonElement"/> (MCP, most chat clients) or a CLR value (a <c>FunctionCallContent</c> built in code).
/// An unknown key, a value of the wrong type or outside an input's choices is a problem naming the argument; null
/// (JSON or CLR) is "not given".
/// </summary>
internal static class ToolFunctionArguments
{
    private const int MaxListedValues = 20;

    /// <summary>The values by input index (null where not given), and the problems (null when there are none: a good call allocates no list); values are only good without problems.</summary>
    public static object?[] Read(WiroToolFunctionDescriptor descriptor, AIFunctionArguments arguments, ref List<string>? problems)
    {
        // Input by input, each looked up: no enumerator is made on the way of a call whose arguments are all inputs.
        var values = new object?[descriptor.Inputs.Count];
        var taken = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var input = descriptor.Inputs[i];
            if (!arguments.TryGetValue(input.Key, out var value))
            {
                continue;
            }

            taken++;
            if (!IsNull(value))
            {
                values[i] = Convert(input, value, ref problems);
            }
        }

        if (taken < arguments.Count)
        {
            foreach (var argument in arguments)
            {
                if (!descriptor.IndexByKey.ContainsKey(argument.Key))
                {
                    (problems ??= new List<string>()).Add($"Argument '{argument.Key}' is not an input of this tool; its inputs are {List(Keys(descriptor))}.");
                }
            }
        }

        return values;
    }

    /// <summary>Reads the arguments given as pairs, in their order, as the <see cref="AIFunctionArguments"/> overload does.</summary>
    public static object?[] Read(WiroToolFunctionDescriptor descriptor, IEnumerable<KeyValuePair<string, object?>> arguments, ref List<string>? problems)
    {
        var values = new object?[descriptor.Inputs.Count];
        foreach (var argument in arguments)
        {
            if (!descriptor.IndexByKey.TryGetValue(argument.Key, out var index))
            {
                (problems ??= new List<string>()).Add($"Argument '{argument.Key}' is not an input of this tool; its inputs are {List(Keys(descriptor))}.");
                continue;
            }

            var input = descriptor.Inputs[index];
            if (IsNull(argument.Value))
            {
                continue;
            }

            values[index] = Convert(input, argument.Value, ref problems);
        }

        return values;
    }

    private static object? Convert(WiroToolFunctionInput input, object? value, ref List<string>? problems)
    {
        switch (input.Kind)
        {
            case WiroToolInputKind.Integer:
                if (TryInteger(value, out var whole))
                {
                    return Boxed(whole);
                }

                return Wrong(input, "an integer", value, ref problems);
            case WiroToolInputKind.Number:
                if (TryNumber(value, out var number))
                {
                    return number;
                }

                return Wrong(input, "a number", value, ref problems);
            case WiroToolInputKind.Boolean:
                if (value is bool flag)
                {
                    return flag;
                }

                if (value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } element)
                {
                    return element.GetBoolean();
                }

                return Wrong(input, "true or false", value, ref problems);
            case WiroToolInputKind.StringList:
            case WiroToolInputKind.FileUrlList:
                if (!TryStrings(value, out var items))
                {
                    return Wrong(input, input.Kind == WiroToolInputKind.StringList ? "an array of strings" : "an array of http(s) URLs", value, ref problems);
                }

                foreach (var item in items)
                {
                    if (!Fits(input, item, ref problems))
                    {
                        return null;
                    }
                }

                return items;
            default:
                if (!TryString(value, out var text))
                {
                    return Wrong(input, input.Kind == WiroToolInputKind.FileUrl ? "an http(s) URL string" : "a string", value, ref problems);
                }

                return Fits(input, text, ref problems) ? text : null;
        }
    }

    /// <summary>A string value (or a list's item) is one of the input's choices, or a URL where it must be one.</summary>
    // The integers a model gives most (sizes, steps, counts, frame rates) boxed once, as the runtime keeps its boxed
    // booleans: a call's integers then cost no allocation. Filled as they are met; a race only boxes one twice.
    private const int BoxedLimit = 4096;
    private static readonly object?[] BoxedIntegers = new object?[BoxedLimit];

    private static object Boxed(long whole)
        => whole is >= 0 and < BoxedLimit ? BoxedIntegers[whole] ??= whole : whole;

    private static bool Fits(WiroToolFunctionInput input, string text, ref List<string>? problems)
    {
        if (input.Kind is WiroToolInputKind.FileUrl or WiroToolInputKind.FileUrlList)
        {
            if (!IsHttpUrl(text))
            {
                (problems ??= new List<string>()).Add($"Argument '{input.Key}' must be an absolute http or https URL; got {Quote(text)}.");
                return false;
            }

            return true;
        }

        if (input.AllowedValues is { } allowed && !Contains(allowed, text))
        {
            (problems ??= new List<string>()).Add($"Argument '{input.Key}' must be one of {List(allowed)}; got {Quote(text)}.");
            return false;
        }

        return true;
    }

    internal static bool IsHttpUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static object? Wrong(WiroToolFunctionInput input, string expected, object? value, ref List<string>? problems)
    {
        (problems ??= new List<string>()).Add($"Argument '{input.Key}' must be {expected}; got {Describe(value)}.");
        return null;
    }

    private static bool IsNull(object? value) => value is null || value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    private static bool TryString(object? value, out string text)
    {
        switch (value)
        {
            case string s:
                text = s;
                return true;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                text = element.GetString()!;
                return true;
            case Uri uri when uri.IsAbsoluteUri:
                text = uri.AbsoluteUri;
                return true;
            default:
                text = "";
                return false;
        }
    }

    private static bool TryStrings(object? value, out string[] items)
    {
        var list = new List<string>();
        if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    items = [];
                    return false;
                }

                list.Add(item.GetString()!);
            }
        }
        else if (value is not string and not JsonElement && value is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
            {
                if (!TryString(item, out var text))
                {
                    items = [];
                    return false;
                }

                list.Add(text);
            }
        }
        else
        {
            items = [];
            return false;
        }

        items = list.ToArray();
        return true;
    }

    private static bool TryInteger(object? value, out long whole)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Number } element:
                if (element.TryGetInt64(out whole))
                {
                    return true;
                }

                return element.TryGetDouble(out var real) && TryWhole(real, out whole);
            case int or long or short or sbyte or byte or ushort or uint:
                whole = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case ulong unsigned when unsigned <= long.MaxValue:
                whole = (long)unsigned;
                return true;
            case double or float:
                return TryWhole(System.Convert.ToDouble(value, CultureInfo.InvariantCulture), out whole);
            case decimal money when money == decimal.Truncate(money) && money >= long.MinValue && money <= long.MaxValue:
                whole = (long)money;
                return true;
            default:
                whole = 0;
                return false;
        }
    }

    /// <summary>A whole number written as <c>5.0</c> is still an integer (JSON Schema says so too).</summary>
    private static bool TryWhole(double real, out long whole)
    {
        whole = 0;
        if (double.IsNaN(real) || double.IsInfinity(real) || real != Math.Floor(real) || real < -9.2e18 || real > 9.2e18)
        {
            return false;
        }

        whole = (long)real;
        return true;
    }

    private static bool TryNumber(object? value, out double number)
    {
        number = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetDouble(out var d) => d,
            int or long or short or sbyte or byte or ushort or uint or ulong or float or double or decimal => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
        return !double.IsNaN(number) && !double.IsInfinity(number);
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Keys(WiroToolFunctionDescriptor descriptor)
    {
        foreach (var input in descriptor.Inputs)
        {
            yield return input.Key;
        }
    }

    /// <summary>Values quoted and joined, the first <see cref="MaxListedValues"/> of them.</summary>
    private static string List(IEnumerable<string> values)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var value in values)
        {
            if (count == MaxListedValues)
            {
                builder.Append(", ...");
                break;
            }

            builder.Append(count++ > 0 ? ", " : "").Append(Quote(value));
        }

        return count == 0 ? "(none)" : builder.ToString();
    }

    private static string Quote(string text) => "\"" + (text.Length <= 100 ? text : text.Substring(0, 100) + "...") + "\"";

    private static string Describe(object? value) => value switch
    {
        JsonElement element => element.ValueKind switch
        {
            JsonValueKind.String => "the string " + Quote(element.GetString()!),
            JsonValueKind.Number => "the number " + element.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => element.ValueKind.ToString(),
        },
        string text => "the string " + Quote(text),
        bool flag => flag ? "true" : "false",
        _ => "a value of type " + value?.GetType().Name,
    };
}
