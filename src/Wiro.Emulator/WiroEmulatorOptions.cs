namespace Wiro.Emulator;

/// <summary>Settings of a <see cref="WiroEmulator"/>.</summary>
public sealed class WiroEmulatorOptions
{
    private readonly WiroOutputFile _defaultOutput = WiroOutputFile.Png();
    private IList<WiroOutputFile> _outputs;
    private bool _outputsSet;

    /// <summary>Creates options with the defaults.</summary>
    public WiroEmulatorOptions() => _outputs = new List<WiroOutputFile> { _defaultOutput };

    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>The API secret signatures are checked with; required in <see cref="WiroAuthMode.Signature"/> mode, null in key-only mode.</summary>
    public string? ApiSecret { get; set; } = "emulator-secret";

    /// <summary>The project's authentication mode. Default <see cref="WiroAuthMode.Signature"/>.</summary>
    public WiroAuthMode AuthMode { get; set; } = WiroAuthMode.Signature;

    /// <summary>
    /// Spec files (<c>*.wiro.md</c> or saved spec pages) to validate runs against; none means any tool and any
    /// parameter is accepted. With specs, a run of an unknown tool gets HTTP 404 with error code 1, and an unknown
    /// parameter, a non-number for a number input or a value outside a select's options gets HTTP 400 with error
    /// code 0 and a message naming the parameter. Each spec's page is also served at
    /// <c>/models/{owner}/{model}/llms.txt</c> (no auth), and Tool/Detail and Tool/List answer from them.
    /// </summary>
    public IList<string> SpecFiles { get; set; } = new List<string>();

    /// <summary>
    /// The clock tasks advance on, and <see cref="WiroFault.Delay"/> waits on. A fake one (e.g. FakeTimeProvider)
    /// makes status sequences deterministic in tests. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>How long each status step lasts. Default 100 ms.</summary>
    public TimeSpan StatusStepDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The files a successful task produces, unless its outcome names others. When left unset, a tool with a spec
    /// gets the output its categories call for (an MP4 for text-to-video, a WAV for text-to-speech, an inline answer
    /// for an LLM, a PNG for images), and any other tool one PNG, <c>0.png</c>.
    /// </summary>
    public IList<WiroOutputFile> Outputs
    {
        get => _outputs;
        set
        {
            _outputs = value;
            _outputsSet = true;
        }
    }

    /// <summary>True while <see cref="Outputs"/> is the untouched default, so the specs' categories may choose.</summary>
    internal bool OutputsLeftToSpecs => !_outputsSet && _outputs.Count == 1 && ReferenceEquals(_outputs[0], _defaultOutput);

    /// <summary>Throws when the options cannot make a working emulator.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(ApiKey))
        {
            throw new ArgumentException("ApiKey is required.", nameof(ApiKey));
        }

        if (AuthMode == WiroAuthMode.Signature && string.IsNullOrEmpty(ApiSecret))
        {
            throw new ArgumentException("ApiSecret is required in Signature mode; use WiroAuthMode.ApiKeyOnly for a key-only project.", nameof(ApiSecret));
        }

        if (StatusStepDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusStepDuration), "The step duration cannot be negative.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), "A port is 0 (any free one) to 65535.");
        }

        ArgumentNullException.ThrowIfNull(Clock);
        ArgumentNullException.ThrowIfNull(SpecFiles);
        ArgumentNullException.ThrowIfNull(Outputs);
    }
}
