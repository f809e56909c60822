namespace Wiro.Tool;

/// <summary>The spec files a <c>--specs</c> option names: every <c>*.wiro.md</c> directly in each folder, and each file named as itself.</summary>
internal static class SpecPaths
{
    /// <exception cref="WiroToolException">Exit 7: a path is neither a folder nor a file.</exception>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*" + Wiro.Specs.SpecFiles.Suffix).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new WiroToolException(ExitCodes.LocalFile, $"--specs: '{path}' is neither a folder nor a file.");
            }
        }

        return files;
    }
}
