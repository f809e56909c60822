using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wiro.Emulator;

namespace Wiro.Benchmarks.Load;

/// <summary>
/// Where the CPU of a burst of Task/Detail confirmations goes (docs/benchmarks.md, "Under load"): the generated
/// client and a bare signed <see cref="HttpClient"/> POST, each against the emulator and against a server that only
/// writes a canned Task/Detail answer. The four figures split a read's cost between the client, the emulator and
/// loopback HTTP itself. Client and server share this process, so each figure is both ends together.
/// </summary>
public static class ConfirmationCostProbe
{
    private const string Key = BareTaskDetail.Key;
    private const string Secret = BareTaskDetail.Secret;

    public static async Task RunAsync(int count, int rounds, TextWriter output)
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = Key, ApiSecret = Secret, StatusStepDuration = TimeSpan.Zero });
        using var runner = new WiroClient(Options(emulator.BaseAddress));
        var request = new LtxVideoText2VideoRequest();
        var tokens = (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => runner.LtxVideoText2Video.RunAsync(request)))).Select(run => run.SocketAccessToken).ToArray();

        using var bare = BareTaskDetail.CreateHttpClient();
        var answer = await BareTaskDetail.ReadAsync(bare, emulator.BaseAddress, tokens[0]);
        await using var canned = await CannedServer.StartAsync(answer);

        using var clientOnEmulator = new WiroClient(Options(emulator.BaseAddress));
        using var clientOnCanned = new WiroClient(Options(canned.BaseAddress));
        var ways = new (string Name, Func<string, Task> Read)[]
        {
            ("client → emulator", token => clientOnEmulator.GetTaskByTokenAsync(token)),
            ("bare HttpClient → emulator", token => BareTaskDetail.ReadAsync(bare, emulator.BaseAddress, token)),
            ("client → canned answer", token => clientOnCanned.GetTaskByTokenAsync(token)),
            ("bare HttpClient → canned answer", token => BareTaskDetail.ReadAsync(bare, canned.BaseAddress, token)),
        };

        output.WriteLine($"{count} concurrent Task/Detail reads per round, {rounds} rounds after a warm-up round; CPU of this process (client and server), median round");
        output.WriteLine();
        output.WriteLine("| reader → server | CPU per read | allocated per read | gen0 GCs | burst p50 | burst p99 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, read) in ways.Concat(ways))
        {
            await BurstAsync(tokens, read);
            var measured = new List<Burst>();
            for (var round = 0; round < rounds; round++)
            {
                measured.Add(await BurstAsync(tokens, read));
            }

            var median = measured.OrderBy(burst => burst.CpuPerRead).ElementAt(rounds / 2);
            output.WriteLine($"| {name} | {median.CpuPerRead:F0} µs | {median.BytesPerRead / 1024:F1} KiB | {median.Collections} | {median.P50:F1} ms | {median.P99:F1} ms |");
        }
    }

    private static async Task<Burst> BurstAsync(string[] tokens, Func<string, Task> read)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var took = await Task.WhenAll(tokens.Select(async token =>
        {
            await read(token).ConfigureAwait(false);
            return watch.Elapsed.TotalMilliseconds;
        }));
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(took);
        return new Burst(cpu / tokens.Length, allocated / (double)tokens.Length, GC.CollectionCount(0) - collectionsBefore, took[(int)(took.Length * 0.5)], took[(int)Math.Ceiling(took.Length * 0.99) - 1]);
    }

    private static WiroClientOptions Options(Uri baseAddress) => new() { ApiKey = Key, ApiSecret = Secret, BaseAddress = baseAddress, UseWebSocket = false };

    private sealed record Burst(double CpuPerRead, double BytesPerRead, int Collections, double P50, double P99);

    /// <summary>Kestrel answering every POST to Task/Detail with the same bytes: no auth, no record, no lookup.</summary>
    private sealed class CannedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private CannedServer(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<CannedServer> StartAsync(byte[] answer)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapPost("/v1/Task/Detail", async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = answer.Length;
                await context.Response.Body.WriteAsync(answer).ConfigureAwait(false);
            });
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Urls.First();
            return new CannedServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
