using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>
/// Decides whether a tool is a chat tool and which inputs take which part of a chat: the one home of these rules.
/// A tool is a chat tool when its page's categories include <c>llm</c> or <c>chat</c>, or its inputs include both
/// <c>prompt</c> and <c>session_id</c>; it also needs a free text input for the user's turn (else it is not one).
/// Each role is the first input, in the order of the names below (compared ignoring case and the characters
/// <c>_</c> and <c>-</c>), whose kind can take it: free text for the turn, the session, the system prompt and the user
/// id; a number or free text for the options; a select for the model (its options kept, label and value) and for the
/// reasoning effort (a select with a value such as <c>low</c> or <c>high</c>); a file input (one or a list) for the
/// images of the user's turn.
/// </summary>
public static class ChatPlanner
{
    private static readonly string[] Prompt = { "prompt", "message", "question", "query", "text", "input" };
    private static readonly string[] SessionId = { "sessionid", "session", "conversationid", "chatid" };
    private static readonly string[] SystemPrompt = { "systemprompt", "systeminstructions", "systeminstruction", "systemmessage", "system", "instructions" };
    private static readonly string[] UserId = { "userid", "user" };
    private static readonly string[] Temperature = { "temperature", "temp" };
    private static readonly string[] TopP = { "topp" };
    private static readonly string[] TopK = { "topk" };
    private static readonly string[] MaxOutputTokens = { "maxtokens", "maxnewtokens", "maxoutputtokens", "maxcompletiontokens", "maxlength" };
    private static readonly string[] Seed = { "seed" };
    private static readonly string[] Model = { "selectedmodel", "model", "modelid", "llm", "llmmodel" };
    private static readonly string[] Reasoning = { "reasoningeffort", "reasoning", "effort", "thinkingeffort", "thinkinglevel", "thinking" };
    private static readonly string[] Image = { "inputimageurl", "inputimage", "imageurl", "image", "inputimages", "images", "imageurls" };
    private static readonly string[] Efforts = { "none", "minimal", "low", "medium", "high", "xhigh" };

    /// <summary>The tool as a chat client, or null when it is not a chat tool (or has no input for the user's turn).</summary>
    public static ChatPlan? Plan(ToolSpec spec, FunctionPlan function)
    {
        if (!IsChatTool(spec, function))
        {
            return null;
        }

        var prompt = Find(function, Prompt, text: true, number: false);
        if (prompt is null)
        {
            return null;
        }

        var model = FindSelect(function, Model, _ => true);
        return new ChatPlan(
            prompt,
            Find(function, SessionId, text: true, number: false, except: prompt),
            Find(function, SystemPrompt, text: true, number: false, except: prompt),
            Find(function, UserId, text: true, number: false, except: prompt),
            Find(function, Temperature, text: true, number: true),
            Find(function, TopP, text: true, number: true),
            Find(function, TopK, text: true, number: true),
            Find(function, MaxOutputTokens, text: true, number: true),
            Find(function, Seed, text: true, number: true),
            model,
            model is null ? EquatableArray<ChatModelChoice>.Empty : Choices(spec, function, model),
            FindSelect(function, Reasoning, values => Any(values, Efforts)),
            FindFile(function, Image));
    }

    /// <summary>A file input (one file or a list) named as one of <paramref name="names"/>.</summary>
    private static string? FindFile(FunctionPlan function, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var input in function.Inputs)
            {
                if (input.Kind is FunctionInputKind.FileUrl or FunctionInputKind.FileUrlList && string.Equals(Folded(input.Key), name, StringComparison.Ordinal))
                {
                    return input.Key;
                }
            }
        }

        return null;
    }

    /// <summary>A select (a string with choices) named as one of <paramref name="names"/> whose choices pass <paramref name="fits"/>.</summary>
    private static string? FindSelect(FunctionPlan function, string[] names, Func<EquatableArray<string>, bool> fits)
    {
        foreach (var name in names)
        {
            foreach (var input in function.Inputs)
            {
                if (input.Kind == FunctionInputKind.String && input.AllowedValues.Count > 0 && fits(input.AllowedValues)
                    && string.Equals(Folded(input.Key), name, StringComparison.Ordinal))
                {
                    return input.Key;
                }
            }
        }

        return null;
    }

    /// <summary>The model select's options as the page lists them (value and label), those the function allows.</summary>
    private static EquatableArray<ChatModelChoice> Choices(ToolSpec spec, FunctionPlan function, string key)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in function.Inputs)
        {
            if (input.Key == key)
            {
                allowed.UnionWith(input.AllowedValues);
            }
        }

        var choices = new List<ChatModelChoice>();
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
                    choices.Add(new ChatModelChoice(option.Value, option.Label));
                }
            }
        }

        return choices.ToEquatableArray();
    }

    private static bool Any(EquatableArray<string> values, string[] wanted)
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

    /// <summary>True for categories <c>llm</c> or <c>chat</c>, or inputs <c>prompt</c> and <c>session_id</c>.</summary>
    public static bool IsChatTool(ToolSpec spec, FunctionPlan function)
    {
        foreach (var category in spec.Categories)
        {
            var name = category.Trim();
            if (string.Equals(name, "llm", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "chat", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var hasPrompt = false;
        var hasSession = false;
        foreach (var input in function.Inputs)
        {
            hasPrompt |= input.Key == "prompt";
            hasSession |= input.Key == "session_id";
        }

        return hasPrompt && hasSession;
    }

    private static string? Find(FunctionPlan function, string[] names, bool text, bool number, string? except = null)
    {
        foreach (var name in names)
        {
            foreach (var input in function.Inputs)
            {
                if (input.Key != except && Fits(input, text, number) && string.Equals(Folded(input.Key), name, StringComparison.Ordinal))
                {
                    return input.Key;
                }
            }
        }

        return null;
    }

    /// <summary>Free text (a string with no choices) when <paramref name="text"/>; a number or integer when <paramref name="number"/>.</summary>
    private static bool Fits(FunctionInputPlan input, bool text, bool number)
        => (text && input.Kind == FunctionInputKind.String && input.AllowedValues.Count == 0)
           || (number && input.Kind is FunctionInputKind.Number or FunctionInputKind.Integer);

    /// <summary>The key lowered, without <c>_</c> and <c>-</c>: <c>session_id</c>, <c>sessionId</c> and <c>session-id</c> are one.</summary>
    private static string Folded(string key)
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
