using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with verified snapshots kept beside the test source, one file per hint name:
/// <c>Snapshots/{scenario}/{hint name}.verified.txt</c>, so a review reads one generated file as it is, and a change
/// to one emitter shows in the files it touches only.
/// </summary>
/// <remarks>
/// Updating: run the tests. A snapshot that differs gets <c>{hint name}.received.txt</c> beside it (ignored by git)
/// and the test fails with a line diff; a generated file without a snapshot fails the same way, and so does a
/// snapshot whose file is no longer generated. Review the received files, then accept them all with
/// <c>WIRO_ACCEPT_SNAPSHOTS=1 dotnet test tests/Wiro.Generator.Tests</c>: that writes each verified file, deletes the
/// snapshots of files no longer generated, and is refused when <c>CI=true</c>, so CI can only compare. Commit the
/// verified files with the change that caused them.
/// </remarks>
public static class Snapshot
{
    private const string VerifiedSuffix = ".verified.txt";
    private const string ReceivedSuffix = ".received.txt";

    /// <summary>Matches every file of <paramref name="files"/> (hint name to text) with the scenario's snapshots.</summary>
    public static void MatchFiles(IReadOnlyDictionary<string, string> files, string scenario, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", scenario);
        var failures = new List<string>();
        foreach (var (hintName, text) in files.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (Compare(directory, hintName, text) is { } failure)
            {
                failures.Add(failure);
            }
        }

        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*" + VerifiedSuffix)
                .Select(path => Path.GetFileName(path)[..^VerifiedSuffix.Length])
                .Where(hintName => !files.ContainsKey(hintName))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        foreach (var hintName in stale)
        {
            if (Accepting)
            {
                File.Delete(Path.Combine(directory, hintName + VerifiedSuffix));
            }
            else
            {
                failures.Add($"{hintName} has a snapshot in {directory} but is no longer generated. Accept with WIRO_ACCEPT_SNAPSHOTS=1 to delete it.");
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n\n", failures));
        }
    }

    private static bool Accepting
        => Environment.GetEnvironmentVariable("WIRO_ACCEPT_SNAPSHOTS") == "1"
           && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the file matches its snapshot (or was accepted); else what differs.</summary>
    private static string? Compare(string directory, string hintName, string actual)
    {
        var verifiedPath = Path.Combine(directory, hintName + VerifiedSuffix);
        var receivedPath = Path.Combine(directory, hintName + ReceivedSuffix);
        actual = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        if (Accepting)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, actual);
        return expected is null
            ? $"No verified snapshot {verifiedPath}; wrote {receivedPath}. Review it, then accept with WIRO_ACCEPT_SNAPSHOTS=1."
            : $"Snapshot {hintName} differs (received text in {receivedPath}):\n{Diff(expected, actual)}";
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var builder = new StringBuilder();
        var shown = 0;
        foreach (var line in diff.Lines)
        {
            var marker = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => null,
            };
            if (marker is null)
            {
                continue;
            }

            builder.Append(marker).Append(line.Position?.ToString() ?? "").Append(": ").AppendLine(line.Text);
            if (++shown == 60)
            {
                builder.AppendLine("...");
                break;
            }
        }

        return builder.ToString();
    }
}
