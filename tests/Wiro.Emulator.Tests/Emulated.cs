using Microsoft.Extensions.Time.Testing;

namespace Wiro.Emulator.Tests;

/// <summary>An emulator on a fake clock (one second per status step) and a caller signed with its credentials.</summary>
internal sealed class Emulated : IAsyncDisposable
{
    public const string Key = "key";
    public const string Secret = "secret";

    private Emulated(WiroEmulator emulator, FakeTimeProvider clock, WiroApi api)
    {
        Emulator = emulator;
        Clock = clock;
        Api = api;
    }

    public WiroEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public WiroApi Api { get; }

    public static TimeSpan Step => TimeSpan.FromSeconds(1);

    public static async Task<Emulated> StartAsync(Action<WiroEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var options = new WiroEmulatorOptions { ApiKey = Key, ApiSecret = Secret, Clock = clock, StatusStepDuration = Step };
        configure?.Invoke(options);
        var emulator = await WiroEmulator.StartAsync(options);
        return new Emulated(emulator, clock, new WiroApi(emulator.BaseAddress, Key, options.AuthMode == WiroAuthMode.Signature ? Secret : null));
    }

    /// <summary>Moves the fake clock on by whole status steps.</summary>
    public void Advance(int steps) => Clock.Advance(Step * steps);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
    }
}
