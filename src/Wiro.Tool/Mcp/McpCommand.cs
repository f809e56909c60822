using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Wiro.Emulator;

namespace Wiro.Tool.Mcp;

/// <summary>
/// <c>wiro mcp</c>: the tools of a folder of specs as an MCP server over stdio, one tool per spec with the generated
/// function's name and schema; runs are signed with <c>WIRO_API_KEY</c>/<c>WIRO_API_SECRET</c>, or go to a built-in
/// emulator (<c>--emulator</c>). Standard output carries only the protocol; everything else goes to standard error.
/// </summary>
internal static class McpCommand
{
    public static Command Create(ToolConsole console)
    {
        var specs = new Option<string[]>("--specs")
        {
            Description = "Folders of *.wiro.md specs (or spec files), each with its Tool/Detail file beside it when there is one; "
                + "every spec is one tool (default: the current folder).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "DIR",
        };
        var emulator = new Option<bool>("--emulator") { Description = "Run the tools on a built-in Wiro emulator: no account, nothing billed." };
        var api = new Option<string>("--api") { Description = "The API base URL (not with --emulator).", DefaultValueFactory = _ => ApiAccess.DefaultApi, HelpName = "URL" };
        var keepAlive = new Option<double>("--keepalive")
        {
            Description = "Seconds between progress notifications while a task has no news, for calls that asked for progress (default 15).",
            DefaultValueFactory = _ => 15,
            HelpName = "SECONDS",
        };
        var emulatorStep = new Option<double>("--emulator-step")
        {
            Description = "With --emulator: seconds each emulated task status lasts (default 0.1).",
            DefaultValueFactory = _ => 0.1,
            HelpName = "SECONDS",
        };
        keepAlive.Validators.Add(result => Positive(result, "--keepalive"));
        emulatorStep.Validators.Add(result => Positive(result, "--emulator-step"));
        var command = new Command("mcp", "Serve the tools of the specs as an MCP server over stdio (one tool per spec, the generated function's schema); "
            + "runs are signed with WIRO_API_KEY and WIRO_API_SECRET, or run on a built-in emulator with --emulator. It stops when stdin closes, "
            + "on Ctrl+C or on SIGTERM. Exit codes: 0 stopped, 1 invalid command line, 4 the emulator cannot start, 6 no credentials, "
            + "7 no spec is usable.")
        {
            specs, emulator, api, keepAlive, emulatorStep,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(emulator) && result.GetResult(api) is { Implicit: false })
            {
                result.AddError("--api and --emulator exclude each other.");
            }
        });
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console, () => RunAsync(console, new McpRequest(
            parse.GetValue(specs) is { Length: > 0 } given ? given : ["."],
            parse.GetValue(emulator),
            parse.GetValue(api)!,
            TimeSpan.FromSeconds(parse.GetValue(keepAlive)),
            TimeSpan.FromSeconds(parse.GetValue(emulatorStep))), cancellationToken)));
        return command;
    }

    private sealed record McpRequest(string[] Specs, bool Emulator, string Api, TimeSpan KeepAlive, TimeSpan EmulatorStep);

    private static async Task<int> RunAsync(ToolConsole console, McpRequest request, CancellationToken cancellationToken)
    {
        var functions = SpecFunctions.Load(SpecPaths.Expand(request.Specs), problem => console.Error.WriteLine("wiro: skipped " + TerminalText.Escape(problem)));
        if (functions.Count == 0)
        {
            throw new WiroToolException(ExitCodes.LocalFile, "no usable spec in " + string.Join(", ", request.Specs) + ": there is no tool to serve.");
        }

        // The access is checked before anything starts, so a missing key is one line and exit 6, not a failed first call.
        var access = request.Emulator ? null : ApiAccess.From(console, request.Api, "run the tools (or pass --emulator)");
        await using var emulator = request.Emulator ? await StartEmulatorAsync(functions.Select(f => f.Path), request.EmulatorStep, cancellationToken).ConfigureAwait(false) : null;
        using var client = emulator is not null ? EmulatorClient(emulator) : access!.CreateClient(Configure);

        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var (_, descriptor) in functions)
        {
            tools.Add(new WiroMcpTool(new WiroToolFunction(client, descriptor), request.KeepAlive));
        }

        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "wiro", Version = Version() },
            ToolCollection = tools,
        };
        console.Error.WriteLine($"wiro: serving {functions.Count} tool(s) over stdio" + (emulator is not null ? $" on the emulator at {emulator.BaseAddress}" : $" on {access!.Api}") + ".");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var server = McpServer.Create(new StdioServerTransport(options), options);
        try
        {
            await server.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Client options for an MCP server: a cancelled call kills its task (an agent that gave up should stop paying).</summary>
    private static void Configure(WiroClientOptions options) => options.KillTaskOnCancel = true;

    private static WiroClient EmulatorClient(WiroEmulator emulator)
    {
        var defaults = new WiroEmulatorOptions();
        var options = new WiroClientOptions
        {
            ApiKey = defaults.ApiKey,
            ApiSecret = defaults.ApiSecret,
            BaseAddress = emulator.BaseAddress,
            WebSocketAddress = emulator.WebSocketAddress,
        };
        Configure(options);
        return new WiroClient(options);
    }

    private static async Task<WiroEmulator> StartEmulatorAsync(IEnumerable<string> specs, TimeSpan step, CancellationToken cancellationToken)
    {
        try
        {
            return await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = specs.ToList(), StatusStepDuration = step }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new WiroToolException(ExitCodes.Unreachable, "the emulator cannot start: " + exception.Message, exception);
        }
    }

    private static void Positive(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<double>() is not (> 0 and <= 86_400))
        {
            result.AddError(name + " must be more than 0 and at most 86400 seconds.");
        }
    }

    private static string Version()
        => typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
