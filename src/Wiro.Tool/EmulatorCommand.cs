using System.CommandLine;
using System.Runtime.InteropServices;
using Wiro.Emulator;

namespace Wiro.Tool;

/// <summary><c>wiro emulator</c>: the Wiro emulator as a standalone server on 127.0.0.1 until Ctrl+C (SIGINT) or SIGTERM.</summary>
internal static class EmulatorCommand
{
    public static Command Create(ToolConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1; 0 takes a free one.", DefaultValueFactory = _ => 0 };
        var apiKey = new Option<string>("--api-key") { Description = "The API key it accepts.", DefaultValueFactory = _ => new WiroEmulatorOptions().ApiKey };
        var apiSecret = new Option<string?>("--api-secret") { Description = "The API secret signatures are checked with (default: emulator-secret)." };
        var keyOnly = new Option<bool>("--key-only") { Description = "Accept the API key alone, with no signature (a key-only project)." };
        var specs = new Option<string[]>("--specs")
        {
            Description = "Folders of *.wiro.md specs (or spec files): runs are validated against them, and each spec's page, "
                + "Tool/Detail and Tool/List are served.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "DIR",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be 0 to 65535.");
            }
        });
        var command = new Command("emulator", "Run the Wiro emulator on 127.0.0.1 and print its base address; Ctrl+C or SIGTERM stops it. "
            + "Exit codes: 0 stopped, 1 invalid command line, 4 cannot listen on the port, 7 a spec cannot be read.")
        {
            port, apiKey, apiSecret, keyOnly, specs,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(keyOnly) && result.GetResult(apiSecret) is not null)
            {
                result.AddError("--api-secret and --key-only exclude each other.");
            }
        });
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console, () => RunAsync(console, new WiroEmulatorOptions
        {
            Port = parse.GetValue(port),
            ApiKey = parse.GetValue(apiKey)!,
            ApiSecret = parse.GetValue(keyOnly) ? null : parse.GetValue(apiSecret) ?? new WiroEmulatorOptions().ApiSecret,
            AuthMode = parse.GetValue(keyOnly) ? WiroAuthMode.ApiKeyOnly : WiroAuthMode.Signature,
            SpecFiles = SpecPaths.Expand(parse.GetValue(specs) ?? []),
        }, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, WiroEmulatorOptions options, CancellationToken cancellationToken)
    {
        // A stop (SIGINT, SIGTERM or the token) only completes this; the shutdown after it runs on the thread pool.
        // A signal handler runs on a thread the runtime starts for the signal, and a token's callbacks run inside
        // Cancel(): nothing of the shutdown (Kestrel's stop, its 30 s grace, the disposals) is to run inside either.
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopOnToken = cancellationToken.Register(() => stopping.TrySetResult());
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var emulator = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        var root = new Uri(emulator.BaseAddress, "/");
        // The first line is the base address alone, for scripts: `wiro emulator | head -n 1`.
        console.Print(emulator.BaseAddress.AbsoluteUri);
        console.Print($"Wiro emulator on {root.Authority}: {(options.AuthMode == WiroAuthMode.Signature ? "signature" : "API key only")} auth, API key '{options.ApiKey}'.");
        console.Print($"WebSocket {emulator.WebSocketAddress}");
        console.Print(options.SpecFiles.Count == 0
            ? "No specs: every tool and parameter is accepted."
            : $"{options.SpecFiles.Count} spec(s): pages at {root}{Wiro.Specs.SpecFiles.PageRoute}, Tool/Detail and Tool/List.");
        console.Print("Ctrl+C stops it.");
        console.Out.Flush();

        // Stopping is how this command ends.
        await stopping.Task.ConfigureAwait(false);

        console.Print("Stopped.");
        return ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            // The first signal asks for a graceful stop; a second one, while that stop is still waiting (for an open
            // WebSocket, say), is left to the runtime's default action, which ends the process at once.
            context.Cancel = stopping.TrySetResult();
        }
    }

    private static async Task<WiroEmulator> StartAsync(WiroEmulatorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await WiroEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            throw new WiroToolException(ExitCodes.LocalFile, exception.Message, exception);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WiroToolException(ExitCodes.LocalFile, "cannot read a spec: " + exception.Message, exception);
        }
        catch (IOException exception)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"cannot listen on 127.0.0.1:{options.Port}: {exception.Message}", exception);
        }
    }
}
