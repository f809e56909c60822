using System;

namespace Wiro.Specs;

/// <summary>
/// Where a tool's spec page is published and what a saved spec is called: the one home of these names for the
/// generator (which picks spec files up), the wiro tool (which fetches and saves them) and the emulator (which serves them).
/// </summary>
public static class SpecFiles
{
    /// <summary>The file suffix the generator picks up.</summary>
    public const string Suffix = ".wiro.md";

    /// <summary>The page's path below a source's root, as a route template (<c>{owner}</c>, <c>{model}</c>).</summary>
    public const string PageRoute = "models/{owner}/{model}/llms.txt";

    /// <summary>The page's path below a source's root, each segment escaped (a model may hold spaces and dots).</summary>
    public static string PagePath(string owner, string model)
        => "models/" + Uri.EscapeDataString(owner) + "/" + Uri.EscapeDataString(model) + "/llms.txt";

    /// <summary>The name <c>wiro add</c> saves a page under: <c>{owner}__{model}.wiro.md</c>.</summary>
    public static string FileName(string owner, string model) => owner + "__" + model + Suffix;

    /// <summary>The suffix of a saved Tool/Detail answer, read beside the page of the same stem.</summary>
    public const string DetailSuffix = ".wiro.json";

    /// <summary>The name <c>wiro add --detail</c> saves a Tool/Detail answer under: <c>{owner}__{model}.wiro.json</c>.</summary>
    public static string DetailFileName(string owner, string model) => owner + "__" + model + DetailSuffix;

    /// <summary>True when <paramref name="path"/> names a saved Tool/Detail answer (<c>*.wiro.json</c>, any case).</summary>
    public static bool IsDetailFile(string path) => path.EndsWith(DetailSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The detail file that belongs beside the spec at <paramref name="specPath"/>: the same folder and stem, ending in
    /// <c>.wiro.json</c> (<c>specs/acme__robot.wiro.md</c> gives <c>specs/acme__robot.wiro.json</c>; a spec with another
    /// name, <c>tools/veo.md</c>, gives <c>tools/veo.wiro.json</c>).
    /// </summary>
    public static string DetailPathFor(string specPath) => PairKey(specPath) + DetailSuffix;

    /// <summary>
    /// What a spec and its detail file have in common, compared ordinally: the path without <c>.wiro.md</c> or
    /// <c>.wiro.json</c> (either in any case), or for a spec with another name, without its extension.
    /// </summary>
    public static string PairKey(string path)
    {
        if (path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return path.Substring(0, path.Length - Suffix.Length);
        }

        if (IsDetailFile(path))
        {
            return path.Substring(0, path.Length - DetailSuffix.Length);
        }

        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var dot = path.LastIndexOf('.');
        return dot > slash + 1 ? path.Substring(0, dot) : path;
    }
}
