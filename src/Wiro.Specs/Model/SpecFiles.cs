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
}
