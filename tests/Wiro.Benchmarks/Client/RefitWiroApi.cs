using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Wiro.Benchmarks.Client;

/// <summary>The same two calls as a Refit interface, the way a Refit user would declare them.</summary>
public interface IWiroRefitApi
{
    [Post("/Run/wiroai/LTX-Video-Text2Video")]
    Task<RefitRunAnswer> RunLtxVideoAsync([Body] LtxVideoInputs inputs, CancellationToken cancellationToken = default);

    [Post("/Task/Detail")]
    Task<RefitTaskDetailAnswer> GetTaskAsync([Body] RefitTaskQuery query, CancellationToken cancellationToken = default);
}

public sealed record RefitTaskQuery([property: JsonPropertyName("taskid")] string TaskId);

public sealed record RefitRunAnswer(
    [property: JsonPropertyName("result")] bool Result,
    [property: JsonPropertyName("taskid")] string? TaskId,
    [property: JsonPropertyName("socketaccesstoken")] string? SocketAccessToken);

public sealed record RefitTaskDetailAnswer(
    [property: JsonPropertyName("result")] bool Result,
    [property: JsonPropertyName("tasklist")] IReadOnlyList<RefitTask>? TaskList);

/// <summary>Wiro sends numbers as strings; the context's number handling reads them.</summary>
public sealed record RefitTask(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("socketaccesstoken")] string SocketAccessToken,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("pexit")] string? ExitCode,
    [property: JsonPropertyName("debugoutput")] string? DebugOutput,
    [property: JsonPropertyName("debugerror")] string? DebugError,
    [property: JsonPropertyName("createtime")] long? CreateTime,
    [property: JsonPropertyName("starttime")] long? StartTime,
    [property: JsonPropertyName("endtime")] long? EndTime,
    [property: JsonPropertyName("elapsedseconds")] double? ElapsedSeconds,
    [property: JsonPropertyName("totalcost")] decimal? TotalCost,
    [property: JsonPropertyName("outputs")] IReadOnlyList<RefitOutput>? Outputs,
    [property: JsonPropertyName("parameters")] JsonElement Parameters);

public sealed record RefitOutput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("contenttype")] string ContentType,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("url")] string? Url);

/// <summary>System.Text.Json source generation, what Refit's docs recommend (trimming and NativeAOT safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(LtxVideoInputs))]
[JsonSerializable(typeof(RefitTaskQuery))]
[JsonSerializable(typeof(RefitRunAnswer))]
[JsonSerializable(typeof(RefitTaskDetailAnswer))]
public sealed partial class RefitJsonContext : JsonSerializerContext;

/// <summary>Signs every request, as a Refit user would: a delegating handler in front of the transport.</summary>
public sealed class RefitSigningHandler(HandSigner signer, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        signer.AddHeaders(request);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The Refit interface plus the mapping a user writes to get the same results as the other clients.</summary>
public sealed class RefitWiroClient(IWiroRefitApi api)
{
    public static RefitWiroClient Create(HttpClient http)
        => new(RestService.For<IWiroRefitApi>(http, new RefitSettings(SystemTextJsonContentSerializer.ForContext(RefitJsonContext.Default))));

    public async Task<PlainRun> RunLtxVideoAsync(LtxVideoInputs inputs, CancellationToken cancellationToken = default)
    {
        var answer = await api.RunLtxVideoAsync(inputs, cancellationToken).ConfigureAwait(false);
        if (!answer.Result || answer.TaskId is null || answer.SocketAccessToken is null)
        {
            throw new HttpRequestException("Wiro refused the call.");
        }

        return new PlainRun(answer.TaskId, answer.SocketAccessToken);
    }

    public async Task<PlainTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var answer = await api.GetTaskAsync(new RefitTaskQuery(taskId), cancellationToken).ConfigureAwait(false);
        if (!answer.Result || answer.TaskList is not [var task, ..])
        {
            throw new HttpRequestException("Wiro refused the call.");
        }

        var outputs = (task.Outputs ?? [])
            .Select(output => new PlainOutput(output.Name, output.ContentType, output.Size, Uri.TryCreate(output.Url, UriKind.Absolute, out var url) ? url : null))
            .ToList();
        return new PlainTask(
            task.Id, task.SocketAccessToken, task.Status, task.ExitCode, task.DebugOutput, task.DebugError,
            Time(task.CreateTime), Time(task.StartTime), Time(task.EndTime), task.ElapsedSeconds, task.TotalCost, outputs,
            task.Parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : task.Parameters.GetRawText());
    }

    private static DateTimeOffset? Time(long? seconds)
        => seconds is > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
