using System.Globalization;
using System.Text;
using CsCheck;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// The file names <see cref="WiroTaskResult.DownloadToDirectoryAsync"/> gives a task's outputs: distinct ignoring
/// case, at most 200 UTF-8 bytes and safe however the names collide, and found with work linear in their number.
/// </summary>
public sealed class OutputNamesTests
{
    private const int MaxBytes = 200;

    [Fact]
    public void A_number_already_taken_by_a_name_as_sent_is_skipped()
    {
        var names = new OutputNames();

        Assert.Equal(
            ["a (2).png", "a.png", "a (3).png", "a (3) (2).png"],
            new[] { "a (2).png", "a.png", "a.png", "a (3).png" }.Select(names.Unique));
    }

    [Fact]
    public void The_example_of_the_documentation_holds()
    {
        var names = new OutputNames();

        Assert.Equal(
            ["a.png", "A (2).png", "a (3).png", "a (2) (2).png"],
            new[] { "a.png", "A.png", "a.png", "a (2).png" }.Select(names.Unique));
    }

    [Theory]
    [InlineData("a", ".png")]
    [InlineData("\u20AC", ".png")]
    [InlineData("\uD83D\uDE00", ".png")]
    [InlineData("\u20AC", "")]
    [InlineData("\uD83D\uDE00", ".tar.gz")]
    public void A_suffix_on_a_name_near_the_limit_shortens_the_stem_and_keeps_the_extension(string unit, string extension)
    {
        var name = SafeFileName.ForOutput(string.Concat(Enumerable.Repeat(unit, 300)) + extension, null, 0);
        var names = new OutputNames();

        var assigned = Enumerable.Range(0, 12).Select(_ => names.Unique(name)).ToList();

        Assert.Equal(name, assigned[0]);
        Assert.Equal(assigned.Count, assigned.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        for (var i = 1; i < assigned.Count; i++)
        {
            var suffix = " (" + (i + 1).ToString(CultureInfo.InvariantCulture) + ")" + (extension.Length > 0 ? Path.GetExtension(extension) : "");
            Assert.EndsWith(suffix, assigned[i], StringComparison.Ordinal);
            Assert.StartsWith(assigned[i].Substring(0, assigned[i].Length - suffix.Length), name, StringComparison.Ordinal);
            Assert.InRange(Encoding.UTF8.GetByteCount(assigned[i]), MaxBytes - 8, MaxBytes);
            Assert.True(SafeFileName.IsSafe(assigned[i]), assigned[i]);
        }
    }

    [Fact]
    public void Twenty_thousand_equal_names_take_work_linear_in_their_number()
    {
        const int count = 20_000;
        var names = new OutputNames();

        var assigned = Enumerable.Range(0, count).Select(_ => names.Unique("a.png")).ToList();

        Assert.Equal("a (20000).png", assigned[^1]);
        Assert.Equal(count, assigned.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // The name itself, then the next free number: two candidates a name, never a walk from (2) again.
        Assert.InRange(names.CandidatesTried, count, 2L * count);
    }

    [Fact]
    public void Numbers_already_taken_and_long_names_that_shorten_alike_take_linear_work_too()
    {
        const int count = 20_000;
        // Names as sent that are already "a (k).png", then as many "a.png": each number is tried once.
        var taken = Enumerable.Range(2, count / 2).Select(k => $"a ({k}).png");
        var plain = Enumerable.Repeat("a.png", count / 2);
        // 200-byte names that differ only in their last digits, each twice: every " (2)" cuts those digits off,
        // so they all share one shortened stem, and its numbers must not be walked again for each of them.
        var alike = Enumerable.Range(0, count / 2).SelectMany(i => Enumerable.Repeat(new string('x', 190) + i.ToString("D6", CultureInfo.InvariantCulture) + ".png", 2));
        var all = taken.Concat(plain).Concat(alike).ToList();
        var names = new OutputNames();

        var assigned = all.Select(names.Unique).ToList();

        Assert.Equal(all.Count, assigned.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(assigned, name => Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, MaxBytes));
        Assert.InRange(names.CandidatesTried, all.Count, 3L * all.Count);
    }

    [Fact]
    public void Mutated_names_are_always_distinct_short_safe_and_assigned_the_same_way()
    {
        // Units of every width in UTF-8 (1 to 4 bytes, the last a surrogate pair), and the characters the rules trim.
        var unit = Gen.OneOf("a", "Z", "1", "\u00E9", "\u20AC", "\uD83D\uDE00", " ", ".", "(");
        var extension = Gen.OneOf("", ".png", ".PNG", ".tar.gz", "." + new string('e', 20), ".\u20AC\u20AC");
        var longName = Gen.Select(unit, Gen.Int[40, 210], unit.Array[0, 4], extension,
            (u, count, tail, ext) => string.Concat(Enumerable.Repeat(u, count)) + string.Concat(tail) + ext);
        var numbered = Gen.Select(Gen.OneOf("a", "A", "x", "\u20AC\u20AC", new string('b', 190), new string('\u20AC', 64)), Gen.Int[0, 12], extension,
            (stem, k, ext) => $"{stem} ({k}){ext}");
        var plain = Gen.OneOf("a.png", "A.PNG", "a", "README", "readme", ".bashrc", "a.tar.gz", "a (2) (2).png", "con", "x (2)");
        var name = Gen.Frequency((3, plain), (3, longName), (2, numbered));
        var casing = Gen.Int[0, 2];
        // A few distinct names, then many picks among them in varied case: duplicates are the rule.
        var lists = name.Array[1, 10].SelectMany(pool => Gen.Select(Gen.Int[0, pool.Length - 1], casing,
            (i, c) => c switch { 0 => pool[i], 1 => pool[i].ToUpperInvariant(), _ => pool[i].ToLowerInvariant() }).Array[1, 200]);

        lists.Sample(raw =>
        {
            var safe = raw.Select((r, i) => SafeFileName.ForOutput(r, null, i)).ToArray();
            var names = new OutputNames();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var assigned = new string[safe.Length];
            for (var i = 0; i < safe.Length; i++)
            {
                assigned[i] = names.Unique(safe[i]);
                if (!taken.Contains(safe[i]))
                {
                    Assert.Equal(safe[i], assigned[i]);
                }

                Assert.True(taken.Add(assigned[i]), $"'{assigned[i]}' is given twice");
                Assert.InRange(Encoding.UTF8.GetByteCount(assigned[i]), 1, MaxBytes);
                Assert.True(SafeFileName.IsSafe(assigned[i]), $"'{assigned[i]}' is not safe");
            }

            var again = new OutputNames();
            Assert.Equal(assigned, safe.Select(again.Unique));
            // Every candidate tried is either the name itself, the one given, or one taken before; a taken name is
            // met at most once for each " (" in it.
            Assert.InRange(names.CandidatesTried, safe.Length, (2L * safe.Length) + assigned.Sum(a => CountOf(a, " (")));
        }, iter: 2_000);
    }

    [Fact]
    public void Short_names_are_numbered_as_before_the_first_free_number_from_two()
    {
        var plain = Gen.OneOf("a.png", "A.png", "a (2).png", "a (3).PNG", "a (2) (2).png", "b", "B (2)", "b (3)", ".x", ".X (2)");

        plain.Array[1, 60].Sample(list =>
        {
            var names = new OutputNames();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in list)
            {
                Assert.Equal(FirstFree(name, taken), names.Unique(name));
            }
        }, iter: 2_000);
    }

    [Fact]
    public async Task Two_names_of_200_bytes_equal_ignoring_case_are_both_written()
    {
        var lower = new string('a', 196) + ".txt";
        await AssertAllWrittenAsync(lower, lower.ToUpperInvariant());
    }

    [Fact]
    public async Task Two_long_names_that_shorten_to_the_same_198_bytes_are_both_written()
    {
        var first = new string('\u20AC', 100);
        var second = new string('\u20AC', 99) + "abc";
        Assert.Equal(300, Encoding.UTF8.GetByteCount(second));
        Assert.Equal(SafeFileName.ForOutput(first, null, 0), SafeFileName.ForOutput(second, null, 1));
        Assert.Equal(198, Encoding.UTF8.GetByteCount(SafeFileName.ForOutput(first, null, 0)));

        await AssertAllWrittenAsync(first, second);
    }

    [Fact]
    public async Task A_name_that_is_not_safe_is_refused_saying_why_and_not_as_leaving_the_folder()
    {
        await using var env = await TestEnvironment.StartAsync();
        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        var folder = TempFolder();

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(
            () => result.Outputs.Single().DownloadIntoAsync(folder, new string('a', 201), CancellationToken.None));

        Assert.Contains("200 UTF-8 bytes", error.Message);
        Assert.DoesNotContain("would leave", error.Message);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }

    /// <summary>Serves one text output per name from the emulator and downloads them all into a new folder.</summary>
    private static async Task AssertAllWrittenAsync(params string[] rawNames)
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Success(rawNames.Select((name, i) => WiroOutputFile.Text(name, "content " + i)).ToArray()));
        var folder = TempFolder();
        try
        {
            var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
            Assert.True(result.IsSuccess, result.FailureReason);

            var paths = await result.DownloadToDirectoryAsync(folder);

            Assert.Equal(rawNames.Length, paths.Count);
            Assert.Equal(rawNames.Select((_, i) => "content " + i), paths.Select(File.ReadAllText));
            Assert.All(paths, path => Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(path)));
            var fileNames = paths.Select(path => Path.GetFileName(path)!).ToList();
            Assert.Equal(fileNames.Count, fileNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(fileNames, name => Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, MaxBytes));
            Assert.All(fileNames, name => Assert.True(SafeFileName.IsSafe(name), name));
            Assert.Equal(rawNames.Length, Directory.GetFiles(folder).Length);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The rule for names that fit: the name, else the first free <c>stem (k)ext</c> from k = 2.</summary>
    private static string FirstFree(string name, HashSet<string> taken)
    {
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        var candidate = name;
        for (var k = 2; !taken.Add(candidate); k++)
        {
            candidate = $"{stem} ({k}){extension}";
        }

        return candidate;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "wiro-names-" + Guid.NewGuid().ToString("N"));
}
