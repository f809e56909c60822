using static Wiro.Specs.AdapterInputs;

namespace Wiro.Specs;

/// <summary>
/// Decides whether a tool is a chat tool and which inputs take which part of a chat: the one home of these rules.
/// A tool is a chat tool when its page's categories include <c>llm</c> or <c>chat</c>, or its inputs include both
/// <c>prompt</c> and <c>session_id</c>; it also needs a free text input for the user's turn (else it is not one).
/// Each role is the first input, in the order of the names below (compared as <see cref="AdapterInputs"/> does), whose
/// kind can take it: free text for the turn, the session, the system prompt and the user id; a number or free text for
/// the options; a select for the model (its options kept, label and value) and for the reasoning effort (a select
/// with a value such as <c>low</c> or <c>high</c>); a file input (one or a list) for the images of the user's turn.
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

        var prompt = Find(function, Prompt, IsFreeText);
        if (prompt is null)
        {
            return null;
        }

        var model = Find(function, Model, IsSelect);
        return new ChatPlan(
            prompt,
            Find(function, SessionId, IsFreeText, except: prompt),
            Find(function, SystemPrompt, IsFreeText, except: prompt),
            Find(function, UserId, IsFreeText, except: prompt),
            Find(function, Temperature, IsTextOrNumber),
            Find(function, TopP, IsTextOrNumber),
            Find(function, TopK, IsTextOrNumber),
            Find(function, MaxOutputTokens, IsTextOrNumber),
            Find(function, Seed, IsTextOrNumber),
            model,
            Choices(spec, function, model),
            Find(function, Reasoning, input => IsSelect(input) && AnyOf(input.AllowedValues, Efforts)),
            Find(function, Image, IsFile));
    }

    /// <summary>True for categories <c>llm</c> or <c>chat</c>, or inputs <c>prompt</c> and <c>session_id</c>.</summary>
    public static bool IsChatTool(ToolSpec spec, FunctionPlan function)
    {
        if (AdapterCategories.Has(spec, AdapterKind.Chat))
        {
            return true;
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
}
