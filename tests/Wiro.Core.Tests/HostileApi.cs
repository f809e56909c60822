#pragma warning disable MEAI001 // The image and speech abstractions are experimental in Microsoft.Extensions.AI.
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>
/// A <see cref="HostileServer"/> scripted as Wiro's API for one adapter call: a Run starts task <see cref="TaskId"/>,
/// File/Upload answers a URL on the same server, and Task/Detail answers the task the test wrote, finished or not.
/// The adapters then meet whatever outputs that task lists, served by other hostile servers, with nothing of the
/// emulator's good manners in between.
/// </summary>
internal static class HostileApi
{
    public const string TaskId = "1";
    public const string Token = "tok1";

    private const string RunAnswer = """{"result":true,"errors":[],"taskid":"1","socketaccesstoken":"tok1"}""";

    /// <summary>The API, answering every Task/Detail with <paramref name="taskDetail"/> (see <see cref="Task"/>).</summary>
    public static HostileServer Start(string taskDetail) => Start(_ => taskDetail);

    /// <summary>
    /// The API, answering every Task/Detail with what <paramref name="taskDetail"/> writes for its own address (so
    /// outputs can be on it); requests outside <c>/v1/</c>, the outputs it serves itself, go to <paramref name="files"/>;
    /// File/Upload answers <paramref name="uploadAnswer"/>, else a URL on the API's origin.
    /// </summary>
    public static HostileServer Start(
        Func<Uri, string> taskDetail, Func<HostileRequest, Stream, CancellationToken, Task>? files = null, string? uploadAnswer = null)
    {
        HostileServer? api = null;
        api = HostileServer.Start((request, stream, cancellationToken) => request.Target switch
        {
            var run when run.StartsWith("/v1/Run/", StringComparison.Ordinal) => HostileServer.WriteJsonAsync(stream, RunAnswer),
            "/v1/File/Upload" => HostileServer.WriteJsonAsync(
                stream, uploadAnswer ?? $$"""{"result":true,"errors":[],"list":[{"url":"{{new Uri(api!.Address, "files/upload.bin")}}"}]}"""),
            var call when call.StartsWith("/v1/", StringComparison.Ordinal) || files is null => HostileServer.WriteJsonAsync(stream, taskDetail(api!.Address)),
            _ => files(request, stream, cancellationToken),
        });
        return api;
    }

    /// <summary>A Task/Detail answer about task <see cref="TaskId"/>: finished well unless told otherwise, with these outputs (a JSON array) and log.</summary>
    public static string Task(string outputs = "[]", string? debugOutput = null, string status = "task_postprocess_end", string pexit = "0")
        => $$"""{"result":true,"errors":[],"total":"1","tasklist":[{"id":"{{TaskId}}","socketaccesstoken":"{{Token}}","status":"{{status}}","pexit":"{{pexit}}","totalcost":"0.001",{{(debugOutput is null ? "" : $"\"debugoutput\":{JsonSerializer.Serialize(debugOutput)},")}}"outputs":{{outputs}}}]}""";

    /// <summary>One file output as Wiro lists it; <paramref name="size"/> left out when null.</summary>
    public static string Output(string name, string contentType, string url, long? size = null)
        => $$"""{"name":{{JsonSerializer.Serialize(name)}},"contenttype":{{JsonSerializer.Serialize(contentType)}},{{(size is null ? "" : $"\"size\":\"{size}\",")}}"url":{{JsonSerializer.Serialize(url)}}}""";

    /// <summary>An inline output (an LLM's answer), its <c>content</c> the raw JSON given.</summary>
    public static string Inline(string contentJson, string contentType = "raw")
        => $$"""{"name":"","contenttype":{{JsonSerializer.Serialize(contentType)}},"url":"","content":{{contentJson}}}""";

    /// <summary>
    /// A client of the API: polling fast, one attempt per download unless told otherwise. With
    /// <paramref name="signedByHandler"/> it is built as <c>AddWiro</c> builds it, signed by a
    /// <see cref="WiroSigningHandler"/> at the bottom of its own handler chain.
    /// </summary>
    public static WiroClient Client(HostileServer api, Action<WiroClientOptions>? configure = null, bool signedByHandler = false)
    {
        var options = new WiroClientOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            BaseAddress = new Uri(api.Address, "v1/"),
            UseWebSocket = false,
            PollingInterval = TimeSpan.FromMilliseconds(1),
            MaxPollingInterval = TimeSpan.FromMilliseconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 0,
        };
        configure?.Invoke(options);
        return signedByHandler
            ? new WiroClient(new HttpClient(new WiroSigningHandler(options, WiroHttp.CreateHandler())) { Timeout = options.Timeout }, options, signedByHandler: true)
            : new WiroClient(options);
    }

    /// <summary>Whether any of the client's credentials (or any Authorization) came with a request.</summary>
    public static bool CarriesCredentials(HostileRequest request)
        => request.HasCredentials || request.Headers.ContainsKey("authorization")
           || request.Headers.Values.Any(value => value.Contains(TestEnvironment.Key, StringComparison.Ordinal) || value.Contains(TestEnvironment.Secret, StringComparison.Ordinal));
}

/// <summary>
/// The adapters that read a task's outputs into memory (image data, synthesized speech, a transcript file), run the
/// same way so one hostile output can be put in front of each: each returns the bytes it read.
/// </summary>
internal static class DownloadingAdapters
{
    public const string Image = "image";
    public const string TextToSpeech = "text-to-speech";
    public const string SpeechToText = "speech-to-text";

    /// <summary>Every await on an adapter is bounded by this, so a regression that hangs fails the test instead.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static readonly string[] All = [Image, TextToSpeech, SpeechToText];

    /// <summary>The content type of the output each adapter reads.</summary>
    public static string ContentType(string adapter) => adapter switch
    {
        Image => "image/png",
        TextToSpeech => "audio/wav",
        _ => "text/plain",
    };

    /// <summary>Runs the adapter on the client and returns what it read from the task's one output.</summary>
    public static async Task<byte[]> ReadAsync(string adapter, WiroClient client, long maxDataBytes = OutputData.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        switch (adapter)
        {
            case Image:
                using (var images = new WiroImageGenerator(client, ImageClient.ImageDescriptor) { MaxDataBytes = maxDataBytes })
                {
                    var response = await images.GenerateImagesAsync("a koala", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data }, cancellationToken).WaitAsync(Bound);
                    return Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data.ToArray();
                }

            case TextToSpeech:
                using (var speech = new WiroTextToSpeechClient(client, SpeakClient.TextToSpeechDescriptor) { MaxDataBytes = maxDataBytes })
                {
                    var response = await speech.GetAudioAsync("Hello.", cancellationToken: cancellationToken).WaitAsync(Bound);
                    return Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data.ToArray();
                }

            case SpeechToText:
                using (var transcriber = new WiroSpeechToTextClient(client, TranscribeClient.SpeechToTextDescriptor) { MaxDataBytes = maxDataBytes })
                {
                    var response = await transcriber.GetTextAsync(new MemoryStream([.. "RIFF"u8, 0, 0, 0, 0]), cancellationToken: cancellationToken).WaitAsync(Bound);
                    return Encoding.UTF8.GetBytes(response.Text);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(adapter));
        }
    }
}
