#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// A task as Task/Detail describes it. Read leniently: Wiro sends most numbers as strings, some fields as null,
/// and adds fields over time; unknown fields are ignored.
/// </summary>
public sealed class WiroTask
{
    private WiroTask()
    {
    }

    /// <summary>The task's id.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The task's socket access token.</summary>
    public string SocketAccessToken { get; private set; } = "";

    /// <summary>The status; <see cref="WiroTaskStatus.Unknown"/> for one no spec lists (the task is then still running).</summary>
    public WiroTaskStatus Status { get; private set; }

    /// <summary>The status exactly as Wiro sent it.</summary>
    public string RawStatus { get; private set; } = "";

    /// <summary>The model's exit code (<c>pexit</c>): <c>0</c> is success; empty when it never ran.</summary>
    public string? ExitCode { get; private set; }

    /// <summary>The task's standard output (for LLM tools, the answer).</summary>
    public string? DebugOutput { get; private set; }

    /// <summary>The task's error output.</summary>
    public string? DebugError { get; private set; }

    /// <summary>When the task was created.</summary>
    public DateTimeOffset? CreatedAt { get; private set; }

    /// <summary>When the model started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the model ended.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Seconds the task ran.</summary>
    public double? ElapsedSeconds { get; private set; }

    /// <summary>What the task cost, in USD.</summary>
    public decimal? TotalCost { get; private set; }

    /// <summary>The files the task produced so far.</summary>
    public IReadOnlyList<WiroOutput> Outputs { get; private set; } = [];

    /// <summary>The run parameters Wiro recorded, as raw JSON (null when absent).</summary>
    public string? ParametersJson { get; private set; }

    internal static WiroTask Read(JsonElement element, WiroClient? client)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WiroMalformedResponseException("Wiro's task list holds something other than a task object.", null, null);
        }

        var task = new WiroTask
        {
            Id = Text(element, "id") ?? "",
            SocketAccessToken = Text(element, "socketaccesstoken") ?? "",
            RawStatus = Text(element, "status") ?? "",
            ExitCode = Text(element, "pexit"),
            DebugOutput = Text(element, "debugoutput"),
            DebugError = Text(element, "debugerror"),
            CreatedAt = Time(element, "createtime"),
            StartedAt = Time(element, "starttime"),
            EndedAt = Time(element, "endtime"),
            ElapsedSeconds = Number(element, "elapsedseconds"),
            TotalCost = decimal.TryParse(Text(element, "totalcost"), NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) ? cost : null,
            ParametersJson = element.TryGetProperty("parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Null
                ? parameters.GetRawText()
                : null,
        };
        task.Status = WiroTaskStatusExtensions.FromWireName(task.RawStatus);
        task.Outputs = ReadOutputs(element, client);
        return task;
    }

    /// <summary>A string or number property as text; null when absent or null.</summary>
    internal static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    internal static double? Number(JsonElement element, string name)
        => double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Time(JsonElement element, string name)
        => long.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static IReadOnlyList<WiroOutput> ReadOutputs(JsonElement element, WiroClient? client)
    {
        if (!element.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array || outputs.GetArrayLength() == 0)
        {
            return [];
        }

        var list = new List<WiroOutput>(outputs.GetArrayLength());
        foreach (var output in outputs.EnumerateArray())
        {
            if (output.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var url = Text(output, "url");
            list.Add(new WiroOutput(
                Text(output, "name") ?? "",
                Text(output, "contenttype") ?? "application/octet-stream",
                Number(output, "size") is { } size ? (long)size : null,
                Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
                output.TryGetProperty("content", out var content) && content.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                    ? content.GetRawText()
                    : null,
                client));
        }

        return list;
    }
}
