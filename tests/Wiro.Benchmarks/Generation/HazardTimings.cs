using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wiro.Benchmarks.Corpus;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// Cold generation of one hostile page against an ordinary page of the same size, timed with a Stopwatch (medians of
/// alternating runs; before the fix some cases took many seconds each, too long for BenchmarkDotNet's iterations). Each hostile page
/// is a real page whose first help text carries a markdown bomb, or whose inputs all PascalCase to one name; its
/// ordinary twin carries prose of the same length, or as many inputs with distinct names of the same length.
/// </summary>
public static class HazardTimings
{
    private const string Help = "help: Image to use as reference. Must be jpeg, png";

    public static void Print(TextWriter output, int runs, int warmups)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.SharedSpecs, "pages", "wiro__filters.md"));
        if (!page.Contains(Help, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wiro__filters.md no longer has the help text the hazards go into.");
        }

        var cases = new (string Name, string Hostile, string Ordinary)[]
        {
            ("help: 50,000 x `[a](` (200 KB)", WithHelp(page, Repeat("[a](", 50_000)), WithHelp(page, Prose(200_000))),
            ("help: 20,000 x `*a _` (80 KB)", WithHelp(page, Repeat("*a _", 20_000)), WithHelp(page, Prose(80_000))),
            ("help: 1,000 lines of 128 nested `>`", WithHelp(page, Repeat("\n" + new string('>', 128), 1_000)), WithHelp(page, Prose(129_000))),
            ("help: 20,000 x ` ``` ` (60 KB)", WithHelp(page, Repeat(" ```", 20_000)), WithHelp(page, Prose(80_000))),
            ("10,000 inputs that PascalCase alike", WithInputs(page, AlikeNames(10_000)), WithInputs(page, DistinctNames(10_000))),
        };

        output.WriteLine($"Cold generation of one spec (new driver, generate, parse the generated trees); hostile and ordinary runs");
        output.WriteLine($"alternate, {warmups} warm-up pairs then {runs} timed pairs; medians. Rows marked WIRO012: the generator failed on the page.");
        output.WriteLine();
        output.WriteLine("| page | chars (hostile / ordinary) | ordinary: wall, CPU | hostile: wall, CPU | hostile / ordinary: wall, CPU |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, hostile, ordinary) in cases)
        {
            Failed = false;
            var ordinaryTimes = new List<(double Wall, double Cpu)>();
            var hostileTimes = new List<(double Wall, double Cpu)>();
            for (var run = 0; run < warmups + runs; run++)
            {
                var ordinaryRun = Milliseconds(ordinary);
                var hostileRun = Milliseconds(hostile);
                if (run >= warmups)
                {
                    ordinaryTimes.Add(ordinaryRun);
                    hostileTimes.Add(hostileRun);
                }
            }

            var (ow, oc) = (Median(ordinaryTimes.Select(t => t.Wall)), Median(ordinaryTimes.Select(t => t.Cpu)));
            var (hw, hc) = (Median(hostileTimes.Select(t => t.Wall)), Median(hostileTimes.Select(t => t.Cpu)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {hostile.Length:N0} / {ordinary.Length:N0} | {ow:F1} ms, {oc:F1} ms | {hw:F1} ms, {hc:F1} ms | {hw / ow:F2}x, {hc / oc:F2}x{(Failed ? " (WIRO012)" : "")} |"));
        }
    }

    /// <summary>Set when a run reported WIRO012 (the generator failed on the page); the row says so.</summary>
    private static bool Failed { get; set; }

    /// <summary>Wall-clock and process CPU time of one cold generation; CPU time is less disturbed by a busy host.</summary>
    private static (double Wall, double Cpu) Milliseconds(string spec)
    {
        var texts = GeneratorFixture.ToAdditionalTexts([new SpecFile("/specs/hazard.wiro.md", spec)]);
        var compilation = GeneratorFixture.CreateCompilation(GeneratorFixture.UserCode[0]);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var driver = GeneratorFixture.RunAndParse(GeneratorFixture.CreateDriver(texts), compilation);
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (driver.GetRunResult().Diagnostics.Any(d => d.Id == "WIRO012"))
        {
            Failed = true;
        }

        return (watch.Elapsed.TotalMilliseconds, cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var times = values.Order().ToList();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    }

    private static string WithHelp(string page, string extra) => page.Replace(Help, Help + " " + extra, StringComparison.Ordinal);

    /// <summary>The page with its inputs replaced by text inputs of the given names.</summary>
    private static string WithInputs(string page, IEnumerable<string> names)
    {
        var start = page.IndexOf("## Model Inputs:", StringComparison.Ordinal);
        var end = page.IndexOf("## Integration Header Prepare", StringComparison.Ordinal);
        var inputs = new StringBuilder("## Model Inputs: \n\n");
        foreach (var name in names)
        {
            inputs.Append("  - name: ").Append(name).Append("\n    label: ").Append(name)
                .Append("\n    help: \n    type: text\n    default: \n\n");
        }

        return page[..start] + inputs + page[end..];
    }

    /// <summary>Names of 15 letters joined by '_' or '-': distinct on the wire, one PascalCase name.</summary>
    private static IEnumerable<string> AlikeNames(int count)
        => Enumerable.Range(0, count).Select(i => string.Join("", "abcdefghijklmno".Select((c, k) => k == 0 ? c.ToString() : ((i >> (k - 1)) & 1) == 0 ? "_" + c : "-" + c)));

    /// <summary>Names of the same shape whose letters spell the index, so their PascalCase names differ.</summary>
    private static IEnumerable<string> DistinctNames(int count)
        => Enumerable.Range(0, count).Select(i => string.Join("_", Enumerable.Range(0, 15).Select(k => (char)('a' + (i / Pow(26, k) % 26)))));

    private static int Pow(int value, int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent && result < int.MaxValue / value; i++)
        {
            result *= value;
        }

        return result;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Prose(int length)
        => Repeat("The quick brown fox jumps over the lazy dog, then rests in the shade. ", length / 70 + 1)[..length];
}
