namespace Wiro.Tool;

/// <summary>What a command talks to: its output, its error stream and its environment variables (so tests can run commands in-process).</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where failures go, one line each, prefixed <c>wiro: </c>.</param>
/// <param name="Environment">Reads an environment variable; null when it is not set.</param>
public sealed record ToolConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>The process's own console and environment.</summary>
    public static ToolConsole System { get; } = new(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable);

    /// <summary>Prints one line of results; whatever it quotes from a page or a server is shown escaped (<see cref="TerminalText"/>).</summary>
    public void Print(string line) => Out.WriteLine(TerminalText.Escape(line));

    /// <summary>Prints <paramref name="failure"/> as one line (escaped like <see cref="Print"/>) and gives its exit code.</summary>
    public int Fail(WiroToolException failure)
    {
        Error.WriteLine("wiro: " + TerminalText.Escape(failure.Message));
        return failure.ExitCode;
    }
}
