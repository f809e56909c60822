using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Wiro.Tool.Mcp;

/// <summary>
/// One Wiro tool as an MCP tool: the <see cref="WiroToolFunction"/> of its spec, its schema sent as the input schema
/// unchanged, annotated as a paid run in the open world (not read-only, not destructive, not idempotent), with
/// progress bridged to MCP notifications (<see cref="McpProgress"/>) and the result as text and resource links
/// (<see cref="McpResult"/>). Cancelling the call (MCP's <c>notifications/cancelled</c>) stops the wait and kills the task.
/// </summary>
internal sealed class WiroMcpTool : McpServerTool
{
    private readonly WiroToolFunction _function;
    private readonly TimeSpan _keepAlive;

    public WiroMcpTool(WiroToolFunction function, TimeSpan keepAlive)
    {
        _function = function;
        _keepAlive = keepAlive;
        var descriptor = function.Descriptor;
        ProtocolTool = new ModelContextProtocol.Protocol.Tool
        {
            Name = descriptor.Name,
            Title = descriptor.Title,
            Description = descriptor.Description,
            InputSchema = descriptor.JsonSchema,
            Annotations = new ToolAnnotations
            {
                Title = descriptor.Title,
                ReadOnlyHint = false,
                DestructiveHint = false,
                IdempotentHint = false,
                OpenWorldHint = true,
            },
        };
    }

    /// <inheritdoc/>
    public override ModelContextProtocol.Protocol.Tool ProtocolTool { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <inheritdoc/>
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = new AIFunctionArguments();
        if (request.Params?.Arguments is { } given)
        {
            foreach (var (name, value) in given)
            {
                arguments[name] = value;
            }
        }

        await using var progress = McpProgress.Start(request.Server, request.Params?.ProgressToken, _keepAlive, cancellationToken);
        arguments.Services = progress;
        try
        {
            return McpResult.Of(await _function.InvokeAsync(arguments, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return McpResult.Failed(exception);
        }
    }
}
