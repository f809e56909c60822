using System.Net.Http.Json;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>
/// Emulators started beside <c>WebApplicationFactory</c> hosts, many at once: the sample's own (started inside its
/// Program, between Build and Run, as users do) and bare ones. Each must come up on its own Kestrel socket. No
/// timing is asserted; the load only widens the window a start could be caught in.
/// </summary>
public sealed class ParallelStartTests
{
    private const int Rounds = 4;
    private const int Apps = 24;
    private const int BareEmulators = 24;

    [Fact]
    public async Task Many_sample_apps_and_bare_emulators_started_at_once_each_get_a_real_socket_of_their_own()
    {
        // A warm-up round first: a start whose code is jitted already reaches the emulator's start soonest.
        var rounds = new[] { (Apps: 1, Bare: 1) }.Concat(Enumerable.Repeat((Apps, Bare: BareEmulators), Rounds)).ToArray();
        var failures = new List<string>();
        var started = 0;
        for (var round = 0; round < rounds.Length; round++)
        {
            var outcomes = await StartRoundAsync(rounds[round].Apps, rounds[round].Bare);
            failures.AddRange(outcomes.OfType<Exception>().Select(e => $"round {round}: {e}"));
            started += outcomes.Count(o => o is null);
        }

        var total = rounds.Sum(r => r.Apps + r.Bare);
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} starts failed:\n\n{string.Join("\n\n", failures)}");
        Assert.Equal(total, started);
    }

    /// <summary>Starts every app and emulator of one round at once; each ends as null or as what it threw.</summary>
    private static async Task<Exception?[]> StartRoundAsync(int apps, int bareEmulators)
    {
        using var go = new ManualResetEventSlim();
        // Each start on a thread of its own, all let go at once: CreateClient blocks its caller until the app has
        // started, and the thread pool would let such starts in one or two at a time.
        var starts = Enumerable.Range(0, apps).Select(_ => OnItsOwnThread(go, StartSampleAppAsync))
            .Concat(Enumerable.Range(0, bareEmulators).Select(_ => OnItsOwnThread(go, StartBareEmulatorAsync)))
            .ToArray();
        go.Set();
        return await Task.WhenAll(starts.Select(Outcome));
    }

    /// <summary>The sample as a test starts it: its Program builds the app, then starts its emulator.</summary>
    private static async Task StartSampleAppAsync()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        await AnswersOnItsOwnSocketAsync(app.Emulator);
    }

    private static async Task StartBareEmulatorAsync()
    {
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "bare-key", ApiSecret = "bare-secret" });
        await AnswersOnItsOwnSocketAsync(emulator);
    }

    /// <summary>A call over a real socket to the emulator's address, which this emulator (and no other) records.</summary>
    private static async Task AnswersOnItsOwnSocketAsync(WiroEmulator emulator)
    {
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.Equal(emulator.BaseAddress.Port, emulator.WebSocketAddress.Port);
        var marker = Guid.NewGuid().ToString("N");
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(emulator.BaseAddress, "Tool/List"), new { marker });
        Assert.Contains(emulator.Requests, r => r.Path == "/v1/Tool/List" && r.Fields.TryGetValue("marker", out var values) && values.Contains(marker));
    }

    /// <summary>Runs <paramref name="start"/> up to its first wait on a new thread, once <paramref name="go"/> is set.</summary>
    private static Task OnItsOwnThread(ManualResetEventSlim go, Func<Task> start)
        => Task.Factory.StartNew(
            () =>
            {
                go.Wait();
                return start();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();

    private static async Task<Exception?> Outcome(Task start)
    {
        try
        {
            await start;
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
