namespace Wiro.Tool;

/// <summary>What a command talks to: its output, its error stream and its environment variables (so tests can run commands in-process).</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where failures go, one line each, prefixed <c>wiro: </c>.</param>
/// <param name="Environment">Reads an environment variable; null when it is not set.</param>
public sealed record ToolConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>The process's own console and environment.</summary>
    public static ToolConsole System { get; } = new(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable);

    /// <summary>Prints <paramref name="failure"/> on one line and gives its exit code.</summary>
    public int Fail(WiroToolException failure)
    {
        // Messages may quote what a server sent (an error message, a Location): a line break there would split the line.
        Error.WriteLine("wiro: " + failure.Message.ReplaceLineEndings(" "));
        return failure.ExitCode;
    }
}
