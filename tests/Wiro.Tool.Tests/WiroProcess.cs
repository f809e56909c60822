using System.Diagnostics;

namespace Wiro.Tool.Tests;

/// <summary>
/// Runs <c>wiro</c> as a real process (the built tool beside the tests) with extra environment variables: for what
/// only a process has, such as the TLS roots it trusts (<c>SSL_CERT_FILE</c>, read once per process).
/// </summary>
internal static class WiroProcess
{
    public static async Task<WiroResult> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan bound, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wiro.Tool.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wiro {string.Join(' ', args)} was still running after {bound.TotalSeconds:0} s; stderr so far ends: {await error}");
        }

        return new WiroResult(process.ExitCode, await output, await error);
    }
}
