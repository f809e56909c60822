using System.Diagnostics;
using System.Globalization;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// The two chat comparisons timed in pairs, for a host whose speed moves while BenchmarkDotNet runs one method after the
/// other (docs/benchmarks.md, section 9): each round times the floor and the chat client back to back, in alternating
/// order, and the ratio is taken within the round, so a slow phase of the host weighs on both sides of it. Prints the
/// median and the spread of the per-round ratios, and each side's median and fastest time. Stopwatch, no assertion.
/// </summary>
internal static class ChatPairedTimings
{
    public static async Task PrintAsync(TextWriter output, int rounds, int warmUps)
    {
        var culture = CultureInfo.InvariantCulture;
        var streaming = new ChatStreamingBenchmarks();
        streaming.Setup();
        var stream = await PairAsync(rounds, warmUps, () => Task.FromResult(streaming.FramesJson()), streaming.ChatClient, 1);
        streaming.Cleanup();
        output.WriteLine(Line("streamed answer: frames' JSON", "chat client", stream, "ms", 1e3, culture));

        var response = new ChatResponseBenchmarks();
        response.Setup();
        const int calls = 2_000;
        var turn = await PairAsync(rounds, warmUps, response.RunAndWait, response.GetResponse, calls);
        response.Cleanup();
        output.WriteLine(Line("one turn: RunAndWaitAsync", "GetResponseAsync", turn, "µs", 1e6, culture));
    }

    /// <summary>Per round, the seconds per call of each side (both run <paramref name="calls"/> times), the order alternating.</summary>
    private static async Task<(List<double> Floor, List<double> Ours)> PairAsync<TA, TB>(int rounds, int warmUps, Func<Task<TA>> floor, Func<Task<TB>> ours, int calls)
    {
        var floors = new List<double>();
        var ourTimes = new List<double>();
        for (var round = 0; round < warmUps + rounds; round++)
        {
            double a, b;
            if (round % 2 == 0)
            {
                a = await TimeAsync(floor, calls);
                b = await TimeAsync(ours, calls);
            }
            else
            {
                b = await TimeAsync(ours, calls);
                a = await TimeAsync(floor, calls);
            }

            if (round >= warmUps)
            {
                floors.Add(a);
                ourTimes.Add(b);
            }
        }

        return (floors, ourTimes);
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> call, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return watch.Elapsed.TotalSeconds / calls;
    }

    private static string Line(string floorName, string oursName, (List<double> Floor, List<double> Ours) times, string unit, double scale, CultureInfo culture)
    {
        var ratios = times.Floor.Zip(times.Ours, (floor, ours) => ours / floor).Order().ToList();
        var floor = times.Floor.Order().ToList();
        var ours = times.Ours.Order().ToList();
        return string.Format(
            culture,
            "{0} median {1:F2} {2} (fastest {3:F2}), {4} median {5:F2} {2} (fastest {6:F2}); per-round ratio median {7:F3}x, middle half {8:F3}-{9:F3}x, {10} rounds",
            floorName, floor[floor.Count / 2] * scale, unit, floor[0] * scale,
            oursName, ours[ours.Count / 2] * scale, ours[0] * scale,
            ratios[ratios.Count / 2], ratios[ratios.Count / 4], ratios[(3 * ratios.Count) / 4], ratios.Count);
    }
}
