using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>
/// How the adapter planners (<see cref="ChatPlanner"/>, <see cref="ImagePlanner"/>, <see cref="SpeechPlanner"/>) find
/// the input that takes a role: by its wire key among a list of names, compared ignoring case and the characters
/// <c>_</c> and <c>-</c>, the names tried in order, and by what kind of value the input takes.
/// </summary>
internal static class AdapterInputs
{
    /// <summary>The first input, by the order of <paramref name="names"/>, whose folded key is that name and that <paramref name="fits"/>.</summary>
    public static string? Find(FunctionPlan function, string[] names, Func<FunctionInputPlan, bool> fits, string? except = null)
    {
        foreach (var name in names)
        {
            foreach (var input in function.Inputs)
            {
                if (input.Key != except && fits(input) && string.Equals(Folded(input.Key), name, StringComparison.Ordinal))
                {
                    return input.Key;
                }
            }
        }

        return null;
    }

    /// <summary>A string with no choices.</summary>
    public static bool IsFreeText(FunctionInputPlan input) => input.Kind == FunctionInputKind.String && input.AllowedValues.Count == 0;

    /// <summary>A number or an integer.</summary>
    public static bool IsNumber(FunctionInputPlan input) => input.Kind is FunctionInputKind.Number or FunctionInputKind.Integer;

    /// <summary>Free text or a number: what an option given as a number can be sent to.</summary>
    public static bool IsTextOrNumber(FunctionInputPlan input) => IsFreeText(input) || IsNumber(input);

    /// <summary>A string with choices.</summary>
    public static bool IsSelect(FunctionInputPlan input) => input.Kind == FunctionInputKind.String && input.AllowedValues.Count > 0;

    /// <summary>A file input: one URL or a list.</summary>
    public static bool IsFile(FunctionInputPlan input) => input.Kind is FunctionInputKind.FileUrl or FunctionInputKind.FileUrlList;

    /// <summary>The input with this wire key.</summary>
    public static FunctionInputPlan? Input(FunctionPlan function, string? key)
    {
        foreach (var input in function.Inputs)
        {
            if (input.Key == key)
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>A select's options as the page lists them (value and label), those the function allows.</summary>
    public static EquatableArray<InputChoice> Choices(ToolSpec spec, FunctionPlan function, string? key)
    {
        if (Input(function, key) is not { } planned)
        {
            return EquatableArray<InputChoice>.Empty;
        }

        var allowed = new HashSet<string>(planned.AllowedValues, StringComparer.Ordinal);
        var choices = new List<InputChoice>();
        foreach (var input in spec.Inputs)
        {
            if (input.Name != key)
            {
                continue;
            }

            foreach (var option in input.Options)
            {
                if (allowed.Contains(option.Value))
                {
                    choices.Add(new InputChoice(option.Value, option.Label));
                }
            }
        }

        return choices.ToEquatableArray();
    }

    /// <summary>True when one of <paramref name="values"/> is one of <paramref name="wanted"/>, ignoring case.</summary>
    public static bool AnyOf(EquatableArray<string> values, string[] wanted)
    {
        foreach (var value in values)
        {
            foreach (var word in wanted)
            {
                if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The key lowered, without <c>_</c> and <c>-</c>: <c>session_id</c>, <c>sessionId</c> and <c>session-id</c> are one.</summary>
    public static string Folded(string key)
    {
        var folded = new System.Text.StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c != '_' && c != '-')
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }
}
