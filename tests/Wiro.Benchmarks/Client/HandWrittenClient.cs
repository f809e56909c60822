using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// The floor: the least a developer would write by hand for the same two calls with HttpClient, System.Text.Json
/// (source-generated bodies, JsonDocument answers) and HMACSHA256. No retries, no error envelope beyond "result".
/// </summary>
public sealed class HandWrittenClient(HttpClient http, HandSigner signer)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<PlainRun> RunLtxVideoAsync(LtxVideoInputs inputs, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(inputs, HandJsonContext.Default.LtxVideoInputs);
        using var document = await PostAsync("Run/wiroai/LTX-Video-Text2Video", body, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return new PlainRun(root.GetProperty("taskid").GetString()!, root.GetProperty("socketaccesstoken").GetString()!);
    }

    public async Task<PlainTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new TaskQuery(taskId), HandJsonContext.Default.TaskQuery);
        using var document = await PostAsync("Task/Detail", body, cancellationToken).ConfigureAwait(false);
        var task = document.RootElement.GetProperty("tasklist")[0];
        var outputs = new List<PlainOutput>();
        foreach (var output in task.GetProperty("outputs").EnumerateArray())
        {
            outputs.Add(new PlainOutput(
                output.GetProperty("name").GetString()!,
                output.GetProperty("contenttype").GetString()!,
                long.Parse(output.GetProperty("size").GetString()!, CultureInfo.InvariantCulture),
                new Uri(output.GetProperty("url").GetString()!)));
        }

        return new PlainTask(
            task.GetProperty("id").GetString()!,
            task.GetProperty("socketaccesstoken").GetString()!,
            task.GetProperty("status").GetString()!,
            task.GetProperty("pexit").GetString(),
            task.GetProperty("debugoutput").GetString(),
            task.GetProperty("debugerror").GetString(),
            Time(task, "createtime"),
            Time(task, "starttime"),
            Time(task, "endtime"),
            double.Parse(task.GetProperty("elapsedseconds").GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(task.GetProperty("totalcost").GetString()!, CultureInfo.InvariantCulture),
            outputs,
            task.GetProperty("parameters").GetRawText());
    }

    private static DateTimeOffset Time(JsonElement task, string name)
        => DateTimeOffset.FromUnixTimeSeconds(long.Parse(task.GetProperty(name).GetString()!, CultureInfo.InvariantCulture));

    private async Task<JsonDocument> PostAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        signer.AddHeaders(request);
        // Headers first, then parse straight from the content stream: no second copy of the answer.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.GetProperty("result").GetBoolean())
        {
            document.Dispose();
            throw new HttpRequestException("Wiro refused the call.");
        }

        return document;
    }
}

/// <summary>The Task/Detail query body.</summary>
public sealed record TaskQuery([property: JsonPropertyName("taskid")] string TaskId);

/// <summary>The hand-written client's bodies, written by System.Text.Json source generation (camelCase, as Wiro names inputs).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LtxVideoInputs))]
[JsonSerializable(typeof(TaskQuery))]
public sealed partial class HandJsonContext : JsonSerializerContext;

/// <summary>The LTX-Video inputs, at the spec's defaults, for the hand-written and Refit paths.</summary>
public sealed record LtxVideoInputs
{
    public string Prompt { get; init; } = "A woman with long brown hair and light skin smiles at another woman with long blonde hair. The woman with brown hair wears a black jacket and has a small, barely noticeable mole on her right cheek. The camera angle is a close-up, focused on the woman with brown hair's face. The lighting is warm and natural, likely from the setting sun, casting a soft glow on the scene. The scene appears to be real-life footage.";

    public string NegativePrompt { get; init; } = "Blurry, bad quality";

    public int Fps { get; init; } = 24;

    public int Width { get; init; } = 768;

    public int Height { get; init; } = 768;

    public int NumFrames { get; init; } = 240;

    public int Steps { get; init; } = 25;

    public string Seed { get; init; } = "42";
}
