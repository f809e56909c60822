namespace Wiro.Emulator;

/// <summary>How a Wiro project authenticates: with a signature (recommended) or the API key alone.</summary>
public enum WiroAuthMode
{
    /// <summary><c>x-api-key</c>, <c>x-nonce</c> and <c>x-signature</c> are required.</summary>
    Signature,

    /// <summary>Only <c>x-api-key</c> is required.</summary>
    ApiKeyOnly,
}

/// <summary>Settings of a <see cref="WiroEmulator"/>.</summary>
public sealed class WiroEmulatorOptions
{
    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>The API secret signatures are checked with (signature mode).</summary>
    public string? ApiSecret { get; set; } = "emulator-secret";

    /// <summary>The project's authentication mode. Default <see cref="WiroAuthMode.Signature"/>.</summary>
    public WiroAuthMode AuthMode { get; set; } = WiroAuthMode.Signature;

    /// <summary>Spec files (<c>*.wiro.md</c>) to validate run parameters against; none means any tool and parameter is accepted.</summary>
    public IList<string> SpecFiles { get; } = new List<string>();

    /// <summary>The clock tasks advance on; a fake one makes status sequences deterministic in tests.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long each status step lasts. Default 100 ms.</summary>
    public TimeSpan StatusStepDuration { get; set; } = TimeSpan.FromMilliseconds(100);
}
