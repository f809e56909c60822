using System.Globalization;

namespace LtxVideo;

/// <summary>The sample's command line: the prompt and the main inputs of the tool.</summary>
internal sealed record SampleOptions(
    string? Prompt,
    string? NegativePrompt,
    int? NumFrames,
    int? Width,
    int? Height,
    int? Fps,
    int? Steps,
    string? Seed,
    string OutputDirectory,
    string? FunctionArguments)
{
    public const string Usage = """
        Usage: dotnet run --project samples/LtxVideo -- [options]

          --prompt <text>            what the video shows (default: the spec's example prompt)
          --negative-prompt <text>   what to avoid
          --frames <n>               number of frames (default 240)
          --width <n>  --height <n>  size in pixels (default 768 x 768)
          --fps <n>                  frames per second (default 24)
          --steps <n>                inference steps (default 25)
          --seed <text>              random seed (default 42)
          --out <folder>             where outputs are written (default ./out)
          --function <json>          run the tool as an AI function instead, with these JSON arguments (as a model
                                     or an MCP client sends them: '{"prompt":"a kite","numFrames":121}'), and print
                                     the result it returns: the output links, or the error naming bad arguments
          --help                     this text

        Without WIRO_API_KEY the sample starts the built-in Wiro emulator. Set WIRO_API_KEY (and
        WIRO_API_SECRET for signature projects) to run the task on the real Wiro API.
        """;

    /// <summary>Reads the arguments; returns an error message instead when they are not usable.</summary>
    public static (SampleOptions? Options, string? Error, bool Help) Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return (null, null, true);
            }

            if (!Known.Contains(name))
            {
                return (null, $"Unknown option '{name}'.", false);
            }

            if (i + 1 >= args.Length)
            {
                return (null, $"Option '{name}' needs a value.", false);
            }

            values[name] = args[++i];
        }

        try
        {
            var options = new SampleOptions(
                Text(values, "--prompt"),
                Text(values, "--negative-prompt"),
                Positive(values, "--frames"),
                Positive(values, "--width"),
                Positive(values, "--height"),
                Positive(values, "--fps"),
                Positive(values, "--steps"),
                Text(values, "--seed"),
                Text(values, "--out") ?? "out",
                Text(values, "--function"));
            return (options, null, false);
        }
        catch (FormatException exception)
        {
            return (null, exception.Message, false);
        }
    }

    private static readonly HashSet<string> Known =
        ["--prompt", "--negative-prompt", "--frames", "--width", "--height", "--fps", "--steps", "--seed", "--out", "--function"];

    private static string? Text(Dictionary<string, string> values, string name)
        => values.TryGetValue(name, out var value) ? value : null;

    private static int? Positive(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new FormatException($"Option '{name}' needs a positive whole number, not '{text}'.");
        }

        return number;
    }
}
