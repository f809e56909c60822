using LtxVideo;
using Wiro;
using Wiro.Emulator;

var (options, error, help) = SampleOptions.Parse(args);
if (help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var apiKey = Environment.GetEnvironmentVariable("WIRO_API_KEY");
await using var emulator = string.IsNullOrEmpty(apiKey)
    ? await WiroEmulator.StartAsync(new WiroEmulatorOptions
    {
        ApiKey = "sample-key",
        ApiSecret = "sample-secret",
        SpecFiles = [Path.Combine(AppContext.BaseDirectory, "ltx-video-text2video.wiro.md")],
    }, cancellation.Token)
    : null;

var clientOptions = emulator is null
    ? new WiroClientOptions { ApiKey = apiKey!, ApiSecret = Environment.GetEnvironmentVariable("WIRO_API_SECRET") }
    : new WiroClientOptions
    {
        ApiKey = "sample-key",
        ApiSecret = "sample-secret",
        BaseAddress = emulator.BaseAddress,
        WebSocketAddress = emulator.WebSocketAddress,
    };

Console.WriteLine(emulator is null
    ? "Using the Wiro API (WIRO_API_KEY is set)."
    : $"WIRO_API_KEY is not set: using the built-in Wiro emulator at {emulator.BaseAddress}.");

using var wiro = new WiroClient(clientOptions);
if (options.FunctionArguments is { } functionArguments)
{
    return await FunctionCall.RunAsync(wiro, functionArguments, cancellation.Token);
}

var request = new LtxVideoText2VideoRequest();
request = request with
{
    Prompt = options.Prompt ?? request.Prompt,
    NegativePrompt = options.NegativePrompt ?? request.NegativePrompt,
    NumFrames = options.NumFrames ?? request.NumFrames,
    Width = options.Width ?? request.Width,
    Height = options.Height ?? request.Height,
    Fps = options.Fps ?? request.Fps,
    Steps = options.Steps ?? request.Steps,
    Seed = options.Seed ?? request.Seed,
};

Console.WriteLine($"Running {LtxVideoText2VideoClient.Owner}/{LtxVideoText2VideoClient.Model}: \"{Shorten(request.Prompt)}\"");
var progress = new ConsoleProgress<WiroTaskUpdate>(update => Console.WriteLine($"  {Describe(update)}"));

try
{
    var result = await wiro.LtxVideoText2Video.RunAndWaitAsync(request, progress, cancellation.Token);
    if (!result.IsSuccess)
    {
        Console.Error.WriteLine($"The task did not succeed: {result.FailureReason}");
        return 1;
    }

    // Output names come from the server: DownloadToDirectoryAsync keeps every file inside the folder.
    foreach (var path in await result.DownloadToDirectoryAsync(options.OutputDirectory, cancellation.Token))
    {
        Console.WriteLine($"Output: {path}");
    }

    Console.WriteLine($"Task {result.Task.Id} succeeded with {result.Outputs.Count} output(s).");
    return 0;
}
catch (WiroApiException exception)
{
    Console.Error.WriteLine($"Wiro refused the call: {exception.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static string Describe(WiroTaskUpdate update)
{
    var text = update.Status.ToWireName();
    if (update.Percentage is { } percentage)
    {
        text += $" {percentage:0}%";
    }

    return update.Message is { Length: > 0 } message ? $"{text}  {Shorten(message)}" : text;
}

static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
