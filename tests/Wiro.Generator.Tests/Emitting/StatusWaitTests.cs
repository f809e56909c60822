using System.Reflection;
using System.Runtime.Loader;
using Wiro.Emulator;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// A project whose only spec lists its statuses against Wiro's documentation (task_queue and task_start as
/// completed, task_postprocess_end as running, no task_cancel at all) is generated with its core, compiled, loaded,
/// and run against the emulator over real HTTP and WebSocket: its waits still end where Wiro says and nowhere else.
/// </summary>
public sealed class StatusWaitTests : IAsyncLifetime
{
    private const string Key = "status-key";
    private const string Secret = "status-secret";

    private const string Driver = """
        namespace Wiro.StatusDriver;

        internal static class Driver
        {
            private static Wiro.WiroClient Client(string baseAddress, string? socket) => new(new Wiro.WiroClientOptions
            {
                ApiKey = "status-key",
                ApiSecret = "status-secret",
                BaseAddress = new global::System.Uri(baseAddress),
                WebSocketAddress = socket is null ? null : new global::System.Uri(socket),
                PollingInterval = global::System.TimeSpan.FromMilliseconds(10),
                MaxPollingInterval = global::System.TimeSpan.FromMilliseconds(40),
            });

            public static async global::System.Threading.Tasks.Task<string> RunAndWaitAsync(
                string baseAddress, string? socket, global::System.Threading.CancellationToken cancellationToken)
            {
                using var client = Client(baseAddress, socket);
                var result = await client.Contrary.RunAndWaitAsync(new Wiro.ContraryRequest(), null, cancellationToken);
                return result.Status.ToWireName() + " success=" + result.IsSuccess;
            }

            public static async global::System.Threading.Tasks.Task<string> CancelQueuedAndWaitAsync(
                string baseAddress, string? socket, global::System.Threading.CancellationToken cancellationToken)
            {
                using var client = Client(baseAddress, socket);
                var run = await client.Contrary.RunAsync(new Wiro.ContraryRequest(), cancellationToken);
                await client.CancelTaskAsync(run.TaskId, cancellationToken);
                var result = await client.WaitForCompletionAsync(run, null, cancellationToken);
                return result.Status.ToWireName() + " cancelled=" + result.IsCancelled;
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(Compile);

    private WiroEmulator _emulator = null!;

    public async Task InitializeAsync()
        => _emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            ApiKey = Key, ApiSecret = Secret, StatusStepDuration = TimeSpan.FromMilliseconds(15),
        });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wait_goes_past_task_queue_and_start_to_the_real_end(bool webSocket)
    {
        var outcome = await Call("RunAndWaitAsync", webSocket);

        Assert.Equal("task_postprocess_end success=True", outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_task_ends_the_wait_though_no_spec_lists_task_cancel(bool webSocket)
    {
        _emulator.EnqueueOutcome(WiroTaskOutcome.Slow(TimeSpan.FromSeconds(30)));

        var outcome = await Call("CancelQueuedAndWaitAsync", webSocket);

        Assert.Equal("task_cancel cancelled=True", outcome);
    }

    [Fact]
    public async Task Task_error_from_task_detail_ends_the_wait_though_the_spec_lists_it_as_running()
    {
        _emulator.EnqueueOutcome(WiroTaskOutcome.ErrorBeforeRun("image not found"));

        var outcome = await Call("RunAndWaitAsync", webSocket: false);

        Assert.Equal("task_error success=False", outcome);
    }

    /// <summary>Runs a driver method; a wait that never ends fails the test after 20 s instead of hanging it.</summary>
    private async Task<string> Call(string method, bool webSocket)
    {
        // Compiled first: the first test to ask compiles the project, which must not eat into the wait's 20 s.
        var driver = Compiled.Value.GetType("Wiro.StatusDriver.Driver")!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var call = driver.GetMethod(method, BindingFlags.Static | BindingFlags.Public)!;
        var socket = webSocket ? _emulator.WebSocketAddress.ToString() : null;
        return await (Task<string>)call.Invoke(null, [_emulator.BaseAddress.ToString(), socket, timeout.Token])!;
    }

    private static Assembly Compile()
    {
        var spec = new SpecBuilder("acme", "contrary")
            .Input("prompt", "text", "a cat")
            .Statuses(completed: ["task_queue", "task_start"], running: ["task_postprocess_end", "task_error", "task_output"])
            .Build();
        var run = GeneratorHarness.Run(
            [new SpecInput("/specs/contrary.wiro.md", spec)],
            compilation: GeneratorHarness.CreateCompilation(Driver));

        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("WIRO013", d.Id));
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("status-driver", isCollectible: false).LoadFromStream(stream);
    }
}
