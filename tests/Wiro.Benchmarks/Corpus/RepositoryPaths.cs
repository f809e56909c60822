namespace Wiro.Benchmarks.Corpus;

/// <summary>Folders found from the repository root (the folder holding Generator.sln), wherever BenchmarkDotNet runs us.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedSpecs => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs"));

    public static string CorpusScript => Path.Combine(Root, "scripts", "make-corpus.py");

    public static string LtxVideoSpec => Path.Combine(Root, "specs", "ltx-video-text2video.wiro.md");

    private static string FindRoot()
    {
        // BenchmarkDotNet runs each benchmark from a generated project under bin/, so start from there and walk up.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("No Generator.sln above " + AppContext.BaseDirectory);
    }
}
