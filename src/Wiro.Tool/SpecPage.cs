using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>A spec page read with the generator's own parser, as the build will read it.</summary>
internal static class SpecPage
{
    /// <summary>The spec in <paramref name="text"/>, or null when the generator would generate nothing from it.</summary>
    public static ToolSpec? Read(string path, string text) => SpecParser.Parse(path, text, CancellationToken.None).Spec;

    /// <summary>The spec of a fetched page; an unknown tool when the page is no spec (a site's "not found" page, say).</summary>
    public static ToolSpec ReadFetched(ToolName tool, Uri address, string text)
        => Read(tool.FileName, text)
            ?? throw new WiroToolException(ExitCodes.UnknownTool, $"unknown tool '{tool}': {address} is not a Wiro tool spec page.");

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file, so a failure never leaves half a spec.</summary>
    public static void Write(string path, string text)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new WiroToolException(ExitCodes.LocalFile, $"cannot write {path}: {exception.Message}", exception);
        }
    }

    /// <summary>The text of a local spec file.</summary>
    public static string Load(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new WiroToolException(ExitCodes.LocalFile, $"cannot read {path}: {exception.Message}", exception);
        }
    }
}
