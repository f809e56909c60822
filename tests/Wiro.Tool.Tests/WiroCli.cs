namespace Wiro.Tool.Tests;

/// <summary>What one in-process <c>wiro</c> command printed and how it ended.</summary>
internal sealed record WiroResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\nout:\n{Out}\nerror:\n{Error}";

    /// <summary>The lines printed on standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <c>wiro</c> in-process through <see cref="WiroCommandLine"/>, with its own output and environment.</summary>
internal static class WiroCli
{
    public static Task<WiroResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
        => RunAsync(environment, CancellationToken.None, args);

    /// <summary>Runs a command that <paramref name="cancellationToken"/> stops (a test's bound on a command that might hang).</summary>
    public static async Task<WiroResult> RunAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, name => environment?.GetValueOrDefault(name));
        var exitCode = await WiroCommandLine.InvokeAsync(args, console, cancellationToken);
        return new WiroResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<WiroResult> RunAsync(params string[] args) => RunAsync(null, args);
}
