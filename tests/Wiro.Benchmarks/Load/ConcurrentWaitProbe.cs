using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Wiro.Emulator;

namespace Wiro.Benchmarks.Load;

/// <summary>
/// Many concurrent waits against the emulator in this process (docs/benchmarks.md, "Under load"): managed memory
/// per established wait, and how late each caller sees its task's end, for the generated client over the
/// WebSocket and over polling, beside a bare <see cref="System.Net.WebSockets.ClientWebSocket"/> per task (the
/// floor), run before and after the client. Tasks are started first; the baseline is read with them running and
/// no wait started, so the per-wait figure is the waits' own (client and server side of each socket or poll).
/// </summary>
public static class ConcurrentWaitProbe
{
    private static readonly TimeSpan WarmUpStep = TimeSpan.FromMilliseconds(100);

    private enum Way
    {
        Floor,
        ConfirmedFloor,
        WebSocket,
        Polling,
    }

    public static async Task RunAsync(int count, TimeSpan step, TimeSpan pollingInterval, TextWriter output)
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        output.WriteLine($"{count} waits; status step {step.TotalMilliseconds} ms (a task ends {10 * step.TotalSeconds} s after it starts); polling every {pollingInterval.TotalMilliseconds} ms, no backoff");
        output.WriteLine($"limits: ThreadPool min {minWorkers}/{minIo} (left as is); HttpClientHandler.MaxConnectionsPerServer {new HttpClientHandler().MaxConnectionsPerServer}; "
                         + $"Kestrel MaxConcurrentConnections {Show(new KestrelServerLimits().MaxConcurrentConnections)}, MaxConcurrentUpgradedConnections {Show(new KestrelServerLimits().MaxConcurrentUpgradedConnections)}, "
                         + $"listen backlog {new SocketTransportOptions().Backlog}; open files limit {OpenFilesLimit()}; somaxconn {ReadTrimmed("/proc/sys/net/core/somaxconn")}");

        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", StatusStepDuration = step });
        using var socketClient = new WiroClient(Options(emulator, useWebSocket: true, pollingInterval));
        using var pollingClient = new WiroClient(Options(emulator, useWebSocket: false, pollingInterval));
        var ways = new Dictionary<Way, WiroClient?> { [Way.Floor] = null, [Way.ConfirmedFloor] = null, [Way.WebSocket] = socketClient, [Way.Polling] = pollingClient };

        // Warm-up on fast tasks, as many as a round holds: JIT tiering (a first burst of confirmations on tier-0 code
        // costs about twice a later one: the `confirm` probe), connection pools and the emulator's first requests
        // are not measured.
        foreach (var (way, client) in ways)
        {
            for (var i = 0; i < count; i++)
            {
                emulator.EnqueueOutcome(WiroTaskOutcome.Slow(WarmUpStep));
            }

            var warmUp = await MeasureAsync(emulator, socketClient, way, client, count);
            if (way == Way.WebSocket)
            {
                await ConfirmationBurstAsync(socketClient, warmUp.Runs);
            }
        }

        output.WriteLine();
        output.WriteLine("| way | per wait | vs floor | end seen p50 | p99 | max | terminal update p50, p99 | runs started in | waits established in | ended before the memory read | failures | fds: before, established, after | threads | CPU of the ends | GC pause in the ends (gen0/1/2) | load (1 min) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
        Result? floor = null;
        var confirmations = "";
        foreach (var way in new[] { Way.Floor, Way.ConfirmedFloor, Way.WebSocket, Way.Polling, Way.Floor })
        {
            var result = await MeasureAsync(emulator, socketClient, way, ways[way], count);
            floor ??= result;
            output.WriteLine(result.Row(floor));
            if (way == Way.WebSocket)
            {
                confirmations = await ConfirmationBurstAsync(socketClient, result.Runs);
            }

            foreach (var failure in result.Failures.Distinct().Take(5))
            {
                output.WriteLine($"  failure: {failure}");
            }
        }

        output.WriteLine();
        output.WriteLine(confirmations);
    }

    /// <summary>
    /// What the WebSocket wait's confirmation costs in a burst: one Task/Detail per ended task, all at once, each
    /// timed from the start of the burst.
    /// </summary>
    private static async Task<string> ConfirmationBurstAsync(WiroClient client, WiroRunResult[] runs)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var took = await Task.WhenAll(runs.Select(async run =>
        {
            await client.GetTaskByTokenAsync(run.SocketAccessToken).ConfigureAwait(false);
            return watch.Elapsed.TotalMilliseconds;
        }));
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var sorted = took.Order().ToList();
        return $"{runs.Length} concurrent Task/Detail reads of the ended tasks, from the burst's start: p50 {Percentile(sorted, 0.5)}, p99 {Percentile(sorted, 0.99)}, max {Percentile(sorted, 1.0)}; "
               + $"process CPU {cpu:F0} ms ({cpu * 1000 / runs.Length:F0} µs per read, client and emulator)";
    }

    private static async Task<Result> MeasureAsync(WiroEmulator emulator, WiroClient runClient, Way way, WiroClient? waitClient, int count)
    {
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        var request = new LtxVideoText2VideoRequest();
        var runs = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => runClient.LtxVideoText2Video.RunAsync(request)));
        var runsTook = watch.Elapsed;

        var fdsBefore = OpenFiles();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var established = 0;
        var allEstablished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFirst()
        {
            if (Interlocked.Increment(ref established) == count)
            {
                allEstablished.TrySetResult();
            }
        }

        var seen = new DateTimeOffset?[count];
        var progress = new WaitProgress?[count];
        var failures = new ConcurrentQueue<string>();
        async Task WaitOneAsync(int index)
        {
            try
            {
                if (waitClient is null)
                {
                    await BareSocketWait.WaitAsync(emulator.WebSocketAddress, runs[index].SocketAccessToken, OnFirst).ConfigureAwait(false);
                    if (way == Way.ConfirmedFloor)
                    {
                        await BareTaskDetail.ReadAsync(BareHttp, emulator.BaseAddress, runs[index].SocketAccessToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    progress[index] = new WaitProgress(OnFirst);
                    var result = await waitClient.WaitForCompletionAsync(runs[index], progress[index]).ConfigureAwait(false);
                    if (result.Status != WiroTaskStatus.TaskPostprocessEnd)
                    {
                        failures.Enqueue("ended " + result.Status);
                    }
                }

                seen[index] = TimeProvider.System.GetUtcNow();
            }
            catch (Exception exception)
            {
                failures.Enqueue($"{exception.GetType().Name}: {exception.Message}");
            }
        }

        watch.Restart();
        var waits = new Task[count];
        for (var i = 0; i < count; i++)
        {
            waits[i] = WaitOneAsync(i);
        }

        await Task.WhenAny(allEstablished.Task, Task.WhenAll(waits));
        var establishedTook = watch.Elapsed;
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        var readAt = TimeProvider.System.GetUtcNow();
        var fdsEstablished = OpenFiles();
        var threads = ThreadPool.ThreadCount;

        // The process's CPU from the first task's end to the last wait's return: the work the burst of ends costs.
        var allWaits = Task.WhenAll(waits);
        while (emulator.TaskEndedAt(runs[0].TaskId) is null && !allWaits.IsCompleted)
        {
            await Task.Delay(2);
        }

        var endCpu = ProcessorTime();
        var pausedBefore = GC.GetTotalPauseDuration();
        var gcsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        await allWaits;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var gcs = $"{GC.CollectionCount(0) - gcsBefore.Item1}/{GC.CollectionCount(1) - gcsBefore.Item2}/{GC.CollectionCount(2) - gcsBefore.Item3}";
        // The server gives a closing socket up to 1 s for the client's close frame; sockets still open after that leaked.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var endsCpu = ProcessorTime() - endCpu;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var fdsAfter = OpenFiles();

        var delays = new List<double>(count);
        var updateDelays = new List<double>(count);
        var endedBeforeRead = 0;
        for (var i = 0; i < count; i++)
        {
            var ended = emulator.TaskEndedAt(runs[i].TaskId);
            if (ended is null)
            {
                failures.Enqueue($"task {runs[i].TaskId} had not ended when its wait returned");
                continue;
            }

            endedBeforeRead += ended <= readAt ? 1 : 0;
            if (seen[i] is { } at)
            {
                delays.Add((at - ended.Value).TotalMilliseconds);
            }

            if (progress[i]?.TerminalAt is { } update)
            {
                updateDelays.Add((update - ended.Value).TotalMilliseconds);
            }
        }

        delays.Sort();
        updateDelays.Sort();
        return new Result(way, runs, (loaded - baseline) / (double)count, delays, updateDelays, runsTook, establishedTook, Volatile.Read(ref established),
            endedBeforeRead, [.. failures], (fdsBefore, fdsEstablished, fdsAfter), threads, endsCpu, $"{paused.TotalMilliseconds:F0} ms ({gcs})", $"{loadBefore} → {LoadAverage()}");
    }

    private static WiroClientOptions Options(WiroEmulator emulator, bool useWebSocket, TimeSpan pollingInterval) => new()
    {
        ApiKey = "k",
        ApiSecret = "s",
        BaseAddress = emulator.BaseAddress,
        WebSocketAddress = emulator.WebSocketAddress,
        UseWebSocket = useWebSocket,
        PollingInterval = pollingInterval,
        MaxPollingInterval = pollingInterval,
    };

    private static string Show(long? limit) => limit?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>The confirmed floor's HTTP client: warmed up with the rest, like the client's own.</summary>
    private static readonly HttpClient BareHttp = BareTaskDetail.CreateHttpClient();

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static int OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;

    private static string OpenFilesLimit()
        => File.ReadLines("/proc/self/limits").FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            ? string.Join('/', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Take(2))
            : "?";

    private static string LoadAverage() => ReadTrimmed("/proc/loadavg").Split(' ')[0];

    private static string ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "?";

    private sealed record Result(
        Way Way, WiroRunResult[] Runs, double BytesPerWait, List<double> Delays, List<double> UpdateDelays, TimeSpan RunsTook, TimeSpan EstablishedTook, int Established,
        int EndedBeforeRead, string[] Failures, (int Before, int Established, int After) Fds, int Threads, TimeSpan EndsCpu, string EndsGc, string Load)
    {
        private int Count => Runs.Length;

        public string Row(Result floor)
        {
            var established = Established == Count ? $"{EstablishedTook.TotalSeconds:F2} s" : $"**only {Established}** after {EstablishedTook.TotalSeconds:F2} s";
            return $"| {Way} | {BytesPerWait / 1024:F1} KiB | {BytesPerWait / floor.BytesPerWait:F2}x | {Percentile(Delays, 0.50)} | {Percentile(Delays, 0.99)} | {Percentile(Delays, 1.0)} | "
                   + $"{Percentile(UpdateDelays, 0.50)}, {Percentile(UpdateDelays, 0.99)} | "
                   + $"{RunsTook.TotalSeconds:F2} s | {established} | {EndedBeforeRead} | {Failures.Length} | {Fds.Before}, {Fds.Established}, {Fds.After} | {Threads} | {EndsCpu.TotalMilliseconds:F0} ms | {EndsGc} | {Load} |";
        }

    }

    private static string Percentile(List<double> sorted, double fraction)
        => sorted.Count == 0 ? "-" : $"{sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)]:F1} ms";
}
