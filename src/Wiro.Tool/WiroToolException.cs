namespace Wiro.Tool;

/// <summary>A failure a command reports in one line, with the exit code it ends with; never shown as a stack trace.</summary>
public sealed class WiroToolException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
