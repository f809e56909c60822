#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// A task as Task/Detail describes it. Read leniently: Wiro sends most numbers as strings, some fields as null,
/// and adds fields over time; unknown fields are ignored, and a value out of its range (a time past year 9999, a
/// negative size) is read as absent. Only an id, token, status or exit code that is not valid text makes the
/// answer unreadable (<see cref="WiroMalformedResponseException"/>).
/// </summary>
public sealed class WiroTask
{
    /// <summary>The last unix second <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59Z).</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    private const int MaxSlugLength = 100;

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

    /// <summary>The task's standard output (for LLM tools, the answer); null when absent or not valid text.</summary>
    public string? DebugOutput { get; private set; }

    /// <summary>The task's error output; null when absent or not valid text.</summary>
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

    /// <summary>
    /// The tool that ran the task, <c>owner/model</c> as Wiro names it in <c>modelslugowner</c> and
    /// <c>modelslugproject</c>; null when either is absent.
    /// </summary>
    public string? Tool { get; private set; }

    /// <summary>The run parameters Wiro recorded, as raw JSON (null when absent or not valid text).</summary>
    public string? ParametersJson { get; private set; }

    /// <summary>
    /// The task a Task/Detail, Cancel or Kill answer gives for what was asked: the entry of <c>tasklist</c> whose
    /// <paramref name="field"/> (<c>id</c> for a lookup by <c>taskid</c>, <c>socketaccesstoken</c> for one by
    /// <c>tasktoken</c>) is <paramref name="asked"/>, as Wiro's lookups match them. Null when the list is missing or
    /// empty (Wiro knows no such task); a list that holds only other tasks is <see cref="WiroMalformedResponseException"/>,
    /// so that no read or wait ever takes another task's status or outputs for the one asked.
    /// </summary>
    internal static WiroTask? FromTaskList(JsonElement root, WiroClient? client, string field, string asked)
    {
        if (!LenientJson.TryGet(root, "tasklist", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return null;
        }

        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && LenientJson.TextEquals(entry, field, asked))
            {
                return Read(entry, client);
            }
        }

        throw new WiroMalformedResponseException(
            $"Wiro answered with another task than the one asked for: no task in its answer has the {field} '{asked}'.", null, null);
    }

    internal static WiroTask Read(JsonElement element, WiroClient? client)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WiroMalformedResponseException("Wiro's task list holds something other than a task object.", null, null);
        }

        var task = new WiroTask
        {
            Id = LenientJson.RequiredText(element, "id") ?? "",
            SocketAccessToken = LenientJson.RequiredText(element, "socketaccesstoken") ?? "",
            RawStatus = LenientJson.RequiredText(element, "status") ?? "",
            ExitCode = LenientJson.RequiredText(element, "pexit"),
            DebugOutput = LenientJson.Text(element, "debugoutput"),
            DebugError = LenientJson.Text(element, "debugerror"),
            CreatedAt = Time(element, "createtime"),
            StartedAt = Time(element, "starttime"),
            EndedAt = Time(element, "endtime"),
            ElapsedSeconds = LenientJson.Number(element, "elapsedseconds") is >= 0 and var elapsed ? elapsed : null,
            TotalCost = decimal.TryParse(LenientJson.Text(element, "totalcost"), NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) ? cost : null,
            ParametersJson = LenientJson.TryGet(element, "parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Null
                ? LenientJson.Raw(parameters)
                : null,
        };
        task.Status = WiroTaskStatusExtensions.FromWireName(task.RawStatus);
        var owner = LenientJson.Text(element, "modelslugowner");
        var model = LenientJson.Text(element, "modelslugproject");
        task.Tool = IsSlug(owner) && IsSlug(model) ? owner + "/" + model : null;
        task.Outputs = ReadOutputs(element, client);
        return task;
    }

    /// <summary>
    /// A tool's owner or model as Wiro writes them ("wiroai", "Robot v4.0"): short, one segment, visible text. The tool
    /// becomes a metric tag, so a server cannot grow a tag past this, or put a separator or control character in it.
    /// </summary>
    private static bool IsSlug(string? part)
    {
        if (part is not { Length: > 0 and <= MaxSlugLength })
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c is '/' or '\\' || char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset? Time(JsonElement element, string name)
        => long.TryParse(LenientJson.Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static IReadOnlyList<WiroOutput> ReadOutputs(JsonElement element, WiroClient? client)
    {
        if (!LenientJson.TryGet(element, "outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array || outputs.GetArrayLength() == 0)
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

            list.Add(new WiroOutput(
                LenientJson.Text(output, "name"),
                LenientJson.Text(output, "contenttype") ?? "application/octet-stream",
                LenientJson.Count(output, "size"),
                LenientJson.Text(output, "url"),
                LenientJson.TryGet(output, "content", out var content) && content.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                    ? LenientJson.Raw(content)
                    : null,
                list.Count,
                client));
        }

        return list;
    }
}
