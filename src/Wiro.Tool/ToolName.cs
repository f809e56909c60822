using Wiro.Specs;
namespace Wiro.Tool;

/// <summary>
/// A tool's <c>owner/model</c> name as given on the command line, and the file <c>wiro add</c> saves its spec as:
/// <c>{owner}__{model}.wiro.md</c> (the model may hold spaces and dots, as in <c>JoeLink/Robot v4.0</c>).
/// </summary>
public sealed record ToolName(string Owner, string Model)
{
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>The file name of this tool's spec.</summary>
    public string FileName => SpecFiles.FileName(Owner, Model);

    /// <summary>Parses <c>owner/model</c>; null with a reason when it is not one.</summary>
    public static ToolName? TryParse(string text, out string problem)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || parts.Any(part => !IsSegment(part)))
        {
            problem = $"'{text}' is not a tool name: write owner/model, e.g. wiroai/LTX-Video-Text2Video.";
            return null;
        }

        problem = "";
        return new ToolName(parts[0], parts[1]);
    }

    /// <summary>The page's address under <paramref name="source"/>: <c>/models/{owner}/{model}/llms.txt</c>.</summary>
    public Uri PageAddress(Uri source)
        => new(source, SpecFiles.PagePath(Owner, Model));

    /// <inheritdoc />
    public override string ToString() => Owner + "/" + Model;

    private static bool IsSegment(string part)
        => part.Trim().Length > 0 && part == part.Trim() && part is not "." and not ".."
            && part.IndexOfAny(Forbidden) < 0 && !part.Any(char.IsControl);
}
