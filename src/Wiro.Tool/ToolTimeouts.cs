using System.Globalization;

namespace Wiro.Tool;

/// <summary>
/// How long the tool waits on the network. One number sets all three, so they keep their proportions: an answer
/// (an API call whole, a page until its headers) may take <see cref="Answer"/>; a page body that brings less than
/// 1 KiB a second over <see cref="Stall"/> (a third of it) is dropped and resumed; a page that has not arrived
/// whole, retries included, after <see cref="Page"/> (twice it) is given up.
/// </summary>
/// <param name="Answer">30 s unless <c>WIRO_TOOL_TIMEOUT_SECONDS</c> says otherwise.</param>
internal sealed record ToolTimeouts(TimeSpan Answer)
{
    /// <summary>
    /// Not in the README: a knob for tests (a trickling source found in a second, not ten) and for a user on a very
    /// slow link, read through <see cref="ToolConsole.Environment"/> so in-process tests can set it per command.
    /// </summary>
    public const string Variable = "WIRO_TOOL_TIMEOUT_SECONDS";

    public static readonly ToolTimeouts Default = new(TimeSpan.FromSeconds(30));

    public TimeSpan Stall => Answer / 3;

    public TimeSpan Page => Answer * 2;

    public static ToolTimeouts From(ToolConsole console)
    {
        var text = console.Environment(Variable);
        if (string.IsNullOrEmpty(text))
        {
            return Default;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds is > 0 and <= 86_400))
        {
            throw new WiroToolException(ExitCodes.Usage, $"{Variable} must be a number of seconds above 0 and at most 86400, not '{text}'.");
        }

        return new ToolTimeouts(TimeSpan.FromSeconds(seconds));
    }
}
