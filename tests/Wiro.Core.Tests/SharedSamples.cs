using System.Text.Json;

namespace Wiro.Core.Tests;

/// <summary>
/// Wiro's own answer samples in <c>../shared/wiro-api</c> beside the repository (third-party material: read where it
/// is, never copied in). Each JSON value of each <c>.json</c> or <c>.jsonc</c> file is one sample.
/// </summary>
internal static class SharedSamples
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "wiro-api"));

    /// <summary>Every sample as UTF-8 JSON; fails, with where it looked, when the folder is not there.</summary>
    public static IReadOnlyList<byte[]> Load()
    {
        Assert.True(
            Directory.Exists(Folder),
            $"Wiro's answer samples are expected at {Folder} (../shared/wiro-api beside the repository root). This test needs them and does not skip.");
        var samples = Directory.GetFiles(Folder)
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".jsonc", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => Values(File.ReadAllBytes(path)))
            .ToList();
        Assert.True(samples.Count >= 20, $"Only {samples.Count} JSON values were found in {Folder}.");
        return samples;
    }

    /// <summary>The top-level values of a file that may hold several, with // comments between them.</summary>
    private static IEnumerable<byte[]> Values(byte[] file)
    {
        var values = new List<byte[]>();
        var reader = new Utf8JsonReader(file, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            values.Add(file[start..(int)reader.BytesConsumed]);
        }

        return values;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Generator.sln above " + AppContext.BaseDirectory);
    }
}
