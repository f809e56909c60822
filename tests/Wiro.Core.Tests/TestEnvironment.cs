using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>An emulator on 127.0.0.1 and a client pointed at it, both with short timings so the suite stays fast.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    public const string Key = "test-key";
    public const string Secret = "test-secret-do-not-leak";

    private TestEnvironment(WiroEmulator emulator, WiroClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public WiroEmulator Emulator { get; }

    public WiroClient Client { get; }

    public static async Task<TestEnvironment> StartAsync(
        Action<WiroEmulatorOptions>? emulator = null, Action<WiroClientOptions>? client = null, bool webSocket = false)
    {
        var emulatorOptions = new WiroEmulatorOptions { ApiKey = Key, ApiSecret = Secret, StatusStepDuration = TimeSpan.FromMilliseconds(15) };
        emulator?.Invoke(emulatorOptions);
        var running = await WiroEmulator.StartAsync(emulatorOptions);
        var clientOptions = Options(running, webSocket);
        client?.Invoke(clientOptions);
        return new TestEnvironment(running, new WiroClient(clientOptions));
    }

    public static WiroClientOptions Options(WiroEmulator emulator, bool webSocket = false) => new()
    {
        ApiKey = Key,
        ApiSecret = Secret,
        BaseAddress = emulator.BaseAddress,
        WebSocketAddress = webSocket ? emulator.WebSocketAddress : null,
        PollingInterval = TimeSpan.FromMilliseconds(10),
        MaxPollingInterval = TimeSpan.FromMilliseconds(40),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Collects progress reports in order, on the reporting thread.</summary>
internal sealed class RecordingProgress : IProgress<WiroTaskUpdate>
{
    private readonly List<WiroTaskUpdate> _updates = [];

    public IReadOnlyList<WiroTaskUpdate> Updates
    {
        get
        {
            lock (_updates)
            {
                return _updates.ToArray();
            }
        }
    }

    public void Report(WiroTaskUpdate value)
    {
        lock (_updates)
        {
            _updates.Add(value);
        }
    }
}

/// <summary>Calls back on the reporting thread, at once (<see cref="Progress{T}"/> would post it elsewhere, later).</summary>
internal sealed class SynchronousProgress(Action<WiroTaskUpdate> report) : IProgress<WiroTaskUpdate>
{
    public void Report(WiroTaskUpdate value) => report(value);
}
