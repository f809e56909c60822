using System.Diagnostics;

namespace Wiro.Benchmarks.Corpus;

/// <summary>One spec of the corpus: its path (which the generator only uses for diagnostics) and its text.</summary>
public sealed record SpecFile(string Path, string Text);

/// <summary>
/// The benchmark corpus: 1,000 specs written by scripts/make-corpus.py from the real pages in ../shared/specs
/// (36 as they are, the rest renamed, shuffled and in both layouts). It is written under obj/, never committed,
/// because the pages are third-party material.
/// </summary>
public static class SpecCorpus
{
    /// <summary>How many specs the generator benchmarks run over.</summary>
    public const int Count = 1000;

    private static readonly object Gate = new();

    /// <summary>The corpus, sorted by path; written on first use in this process.</summary>
    public static IReadOnlyList<SpecFile> Load(int count = Count)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "Wiro.Benchmarks", "obj", "corpus-" + count);
        lock (Gate)
        {
            Write(directory, count);
        }

        var files = Directory.GetFiles(directory, "*.wiro.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count != count)
        {
            throw new InvalidOperationException($"Expected {count} specs in {directory}, found {files.Count}.");
        }

        return files.Select(path => new SpecFile(path, File.ReadAllText(path))).ToList();
    }

    private static void Write(string directory, int count)
    {
        if (!Directory.Exists(RepositoryPaths.SharedSpecs))
        {
            throw new InvalidOperationException("The generator benchmarks need the real pages at " + RepositoryPaths.SharedSpecs);
        }

        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { RepositoryPaths.CorpusScript, "--out", directory, "--count", count.ToString(), "--shared", RepositoryPaths.SharedSpecs },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start python3.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("make-corpus.py failed: " + error);
        }

        Console.Write(output);
    }
}
