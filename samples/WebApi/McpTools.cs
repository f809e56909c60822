using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Wiro;

namespace WebApi;

/// <summary>
/// The project's Wiro tools as MCP tools: each generated AI function (<see cref="WiroClient.AsAIFunctions"/>) of the
/// <see cref="WiroClient"/> that <c>AddWiro</c> registers, published with its schema unchanged. Built when the MCP
/// server's options are first read, from the container's client, so runs go through its handlers, telemetry and
/// emulator like every other call.
/// </summary>
internal static class McpTools
{
    /// <summary>
    /// Adds one MCP tool per Wiro tool. Every call is a paid run that makes something elsewhere: open world, not
    /// read-only, not idempotent, destroying nothing.
    /// </summary>
    public static IMcpServerBuilder WithWiroTools(this IMcpServerBuilder mcp)
    {
        mcp.Services.AddOptions<McpServerOptions>().Configure<WiroClient>((options, wiro) =>
        {
            options.ToolCollection ??= [];
            foreach (var function in wiro.AsAIFunctions())
            {
                options.ToolCollection.Add(McpServerTool.Create(new ProgressOverMcp(function), new McpServerToolCreateOptions
                {
                    Title = function is WiroToolFunction { Descriptor: var tool } ? tool.Title : function.Name,
                    ReadOnly = false,
                    Destructive = false,
                    Idempotent = false,
                    OpenWorld = true,
                }));
            }
        });
        return mcp;
    }

    /// <summary>
    /// The function reports a run's steps to an <see cref="IProgress{T}"/> of <see cref="WiroTaskUpdate"/> from the
    /// call's services; the MCP SDK offers an <see cref="IProgress{T}"/> of <see cref="ProgressNotificationValue"/>
    /// there (sent as <c>notifications/progress</c> when the client asked with a progress token). This joins them:
    /// one notification per step, its <c>progress</c> one more than the last (MCP asks for a value that always grows;
    /// a task's percentage need not), its message the status and percentage, as <c>wiro mcp</c> sends them.
    /// </summary>
    private sealed class ProgressOverMcp(AIFunction function) : DelegatingAIFunction(function)
    {
        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            if (arguments.Services?.GetService(typeof(IProgress<ProgressNotificationValue>)) is IProgress<ProgressNotificationValue> mcp)
            {
                arguments.Services = new WithProgress(arguments.Services, new StepProgress(mcp));
            }

            return base.InvokeCoreAsync(arguments, cancellationToken);
        }
    }

    private sealed class WithProgress(IServiceProvider services, IProgress<WiroTaskUpdate> progress) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IProgress<WiroTaskUpdate>) ? progress : services.GetService(serviceType);
    }

    private sealed class StepProgress(IProgress<ProgressNotificationValue> mcp) : IProgress<WiroTaskUpdate>
    {
        private int _step;

        public void Report(WiroTaskUpdate update)
        {
            var message = update.Percentage is { } percentage ? $"{update.RawStatus} {percentage:0}%" : update.RawStatus;
            mcp.Report(new ProgressNotificationValue { Progress = Interlocked.Increment(ref _step), Message = message });
        }
    }
}
