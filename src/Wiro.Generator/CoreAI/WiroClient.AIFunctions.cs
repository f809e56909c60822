#nullable enable
namespace Wiro;

using System.Collections.Generic;
using Microsoft.Extensions.AI;

// No modifiers here: the core's own part of WiroClient says them (and carries the generated-code attributes).
partial class WiroClient
{
    /// <summary>
    /// Every tool of this project as an <see cref="AIFunction"/> (<see cref="WiroToolFunction"/>), for
    /// <c>ChatOptions.Tools</c> or an MCP server. Each call of one is a paid run.
    /// </summary>
    /// <param name="requireApproval">True to wrap each in an <see cref="ApprovalRequiredAIFunction"/>, so that
    /// <c>FunctionInvokingChatClient</c> asks the caller before every run.</param>
    /// <returns>One function per tool, in the order of their spec files.</returns>
    public IList<AIFunction> AsAIFunctions(bool requireApproval = false)
    {
        var functions = new List<AIFunction>();
        AddToolFunctions(functions, requireApproval);
        return functions;
    }

    /// <summary>Generated from the specs: adds each tool's function.</summary>
    partial void AddToolFunctions(List<AIFunction> functions, bool requireApproval);
}
