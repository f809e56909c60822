using System.CommandLine;

namespace Wiro.Tool;

/// <summary>The <c>wiro</c> command and its subcommands.</summary>
public static class WiroCommandLine
{
    /// <summary>Runs <c>wiro</c> with <paramref name="args"/>; gives one of <see cref="ExitCodes"/>.</summary>
    /// <param name="args">The arguments after <c>wiro</c>.</param>
    /// <param name="console">Output, error and environment.</param>
    /// <param name="cancellationToken">Stops a running command (the emulator stops on it).</param>
    public static Task<int> InvokeAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Wiro tool specs and a local Wiro emulator. " + ExitCodes.Help)
        {
            EmulatorCommand.Create(console),
            AddCommand.Create(console),
            UpdateCommand.Create(console),
            ListCommand.Create(console),
            Mcp.McpCommand.Create(console),
        };
        // Help says `wiro` however it is started (installed tool, `dotnet Wiro.Tool.dll`, or in-process in tests).
        root.HelpName = "wiro";
        // Commands that run until stopped handle SIGINT and SIGTERM themselves (see EmulatorCommand).
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="action"/>, turning a <see cref="WiroToolException"/> into its one-line message and exit
    /// code. Commands map the client core's exceptions where they know what was being fetched (see
    /// <see cref="NetworkFailure"/>); one that slips past them still ends as one line and exit code 4, never a stack trace.
    /// </summary>
    internal static async Task<int> GuardAsync(ToolConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (WiroToolException failure)
        {
            return console.Fail(failure);
        }
        catch (WiroApiException failure)
        {
            return console.Fail(new WiroToolException(ExitCodes.Unreachable, failure.WiroMessage, failure));
        }
    }
}
