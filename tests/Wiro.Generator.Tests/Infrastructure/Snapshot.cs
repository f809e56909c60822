using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a verified file kept beside the test source (<c>Snapshots/name.verified.txt</c>). On a
/// mismatch it writes <c>name.received.txt</c> and fails with a line diff. Set <c>WIRO_ACCEPT_SNAPSHOTS=1</c>
/// to accept the received text; that is refused when <c>CI=true</c>, so CI can only compare.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        var verifiedPath = Path.Combine(directory, name + ".verified.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("WIRO_ACCEPT_SNAPSHOTS") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        throw new XunitException(expected is null
            ? $"No verified snapshot {verifiedPath}; wrote {receivedPath}. Review it, then accept with WIRO_ACCEPT_SNAPSHOTS=1."
            : $"Snapshot {name} differs (received text in {receivedPath}):\n{Diff(expected, actual)}");
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
