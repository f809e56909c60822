#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// A Wiro tool as an <see cref="AIFunction"/> (for <c>FunctionInvokingChatClient</c>, an MCP server, any agent),
/// built from a <see cref="WiroToolFunctionDescriptor"/>: no reflection, no reflection-based JSON (NativeAOT-safe).
/// Each call is a paid run of the tool.
/// </summary>
/// <remarks>
/// <para>A call's arguments (<see cref="JsonElement"/> values, as MCP and chat clients pass them, or CLR values) are
/// checked against the descriptor before anything is sent: an unknown argument, a value of the wrong type, outside a
/// select's choices or not an http(s) URL where a file is asked for makes the call return an <see cref="ErrorContent"/>
/// naming every such argument, and nothing is sent. It is returned, not thrown, so the model reads it whatever
/// <c>FunctionInvokingChatClient.IncludeDetailedErrors</c> says (an exception's message reaches the model only when it
/// is set) and can call again. An argument given as null counts as not given.</para>
/// <para>Then the run is sent with the same writers and rules as the generated request (an argument not given goes as
/// a default typed request sends it), followed to its end (<see cref="WiroClient.RunAndWaitAsync"/>: progress to an
/// <see cref="IProgress{T}"/> of <see cref="WiroTaskUpdate"/> from <see cref="AIFunctionArguments.Services"/>, when
/// there is one), and the result is a list of <see cref="AIContent"/>: a <see cref="TextContent"/> with the task id,
/// status, cost and outputs as JSON (its <see cref="AIContent.RawRepresentation"/> the <see cref="WiroTaskResult"/>), then a
/// <see cref="UriContent"/> per file output (with its media type; its raw representation the <see cref="WiroOutput"/>,
/// with file name and size) and a
/// <see cref="TextContent"/> per inline LLM answer. A failed task, or a run Wiro refused or could not be reached for,
/// starts the list with an <see cref="ErrorContent"/> instead of throwing, so an agent loop goes on. Cancelling the
/// call's token stops the wait (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/> is set) and
/// throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class WiroToolFunction : AIFunction
{
    private readonly WiroClient _client;

    /// <summary>Makes the function of a tool.</summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's function data.</param>
    public WiroToolFunction(WiroClient client, WiroToolFunctionDescriptor descriptor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
    }

    /// <summary>
    /// The function of a tool, wrapped in an <see cref="ApprovalRequiredAIFunction"/> when
    /// <paramref name="requireApproval"/> is true: <c>FunctionInvokingChatClient</c> then returns a
    /// <c>ToolApprovalRequestContent</c> instead of running it, and runs it once the caller answers with an approval.
    /// </summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's function data.</param>
    /// <param name="requireApproval">True to ask the caller before each (paid) run.</param>
    /// <returns>The function.</returns>
    public static AIFunction Create(WiroClient client, WiroToolFunctionDescriptor descriptor, bool requireApproval = false)
    {
        var function = new WiroToolFunction(client, descriptor);
        // Experimental (MEAI001) in Microsoft.Extensions.AI.Abstractions 10.3: the generated code must build there too.
#pragma warning disable MEAI001
        return requireApproval ? new ApprovalRequiredAIFunction(function) : function;
#pragma warning restore MEAI001
    }

    /// <summary>The data this function was made from.</summary>
    public WiroToolFunctionDescriptor Descriptor { get; }

    /// <inheritdoc/>
    public override string Name => Descriptor.Name;

    /// <inheritdoc/>
    public override string Description => Descriptor.Description;

    /// <inheritdoc/>
    public override JsonElement JsonSchema => Descriptor.JsonSchema;

    /// <inheritdoc/>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        List<string>? problems = null;
        var values = ToolFunctionArguments.Read(Descriptor, arguments, ref problems);
        if (problems is not null)
        {
            return new ErrorContent("The tool was not run (nothing was sent, nothing is billed): " + string.Join(" ", problems))
            {
                ErrorCode = "invalid_arguments",
            };
        }

        var progress = arguments.Services?.GetService(typeof(IProgress<WiroTaskUpdate>)) as IProgress<WiroTaskUpdate>;
        WiroTaskResult result;
        try
        {
            result = await _client.RunAndWaitAsync(Descriptor.Owner, Descriptor.Model, new ToolFunctionRequest(Descriptor, values), progress, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (WiroApiException exception)
        {
            return ToolFunctionResult.Refused(exception);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ToolFunctionResult.Unreachable(exception);
        }

        return ToolFunctionResult.Of(result);
    }
}
