using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro emulator</c> as a real process (the built tool beside the tests), stopped with a real SIGINT.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private Task _pump = Task.CompletedTask;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The first line the command printed.</summary>
    public Uri BaseAddress { get; }

    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wiro.Tool.dll"));
        start.ArgumentList.Add("emulator");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (first is null || !Uri.TryCreate(first, UriKind.Absolute, out var address))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"wiro emulator printed '{first}' first; stderr: {error}");
        }

        var emulator = new EmulatorProcess(process, address);
        emulator._pump = Task.WhenAll(emulator.PumpAsync(process.StandardOutput), emulator.PumpAsync(process.StandardError));
        return emulator;
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits for the process to end; gives its exit code and what it printed after the address.</summary>
    public async Task<(int ExitCode, string Output)> InterruptAsync()
    {
        Interrupt();
        return await WaitForExitAsync();
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) without waiting.</summary>
    public void Interrupt() => Assert.Equal(0, Kill(_process.Id, SigInt));

    /// <summary>Waits (a minute at most) until the process has printed <paramref name="text"/> after the address.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    /// <summary>Waits (a minute at most) for the process to end; gives its exit code and what it printed after the address.</summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // What it printed says how far the stop got ("Stopped." is printed before the emulator is disposed).
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("wiro emulator was still running a minute after it was asked to stop; it printed: " + Output);
        }

        await _pump;
        return (_process.ExitCode, Output);
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
