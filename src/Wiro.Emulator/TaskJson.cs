using System.Globalization;
using System.Text.Json;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The task object of Task/Detail, Cancel, Kill and callbacks, shaped like the seed page's answer: every scalar a
/// string (ids, times as unix seconds, <c>elapsedseconds</c>, <c>size</c>), "0" for a time not reached yet.
/// </summary>
internal static class TaskJson
{
    public const string Log = "Loading model weights\n100%|##########| 10/10\nDone.";

    public static void WriteTask(Utf8JsonWriter w, EmulatedTask task, DateTimeOffset now, Uri serverAddress)
    {
        var status = task.StatusAt(now);
        var started = task.ReachedAt(WireStatus.Start, now);
        var finished = task.ReachedAt(WireStatus.End, now);
        var exited = finished is not null;
        var failedEarly = status == WireStatus.Error;
        var succeeded = task.Succeeded(now);

        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("uuid", task.Uuid);
        w.WriteString("socketaccesstoken", task.Token);
        w.WritePropertyName("parameters");
        w.WriteRawValue(task.ParametersJson);
        w.WriteString("debugoutput", task.ReachedAt(WireStatus.Output, now) is not null ? Log : "");
        w.WriteString("debugerror", failedEarly || (exited && !task.Outcome.Succeeds) ? task.Outcome.DebugError : "");
        w.WriteString("starttime", Unix(started));
        w.WriteString("endtime", Unix(finished));
        w.WriteString("elapsedseconds", Elapsed(started, finished ?? task.CancelledAt ?? now));
        w.WriteString("status", status);
        w.WriteString("pexit", exited ? task.Outcome.ExitCode : "");
        w.WriteString("createtime", Unix(task.CreatedAt));
        w.WriteString("canceltime", Unix(task.CancelledAt));
        w.WriteString("assigntime", Unix(task.ReachedAt(WireStatus.Assign, now)));
        w.WriteString("accepttime", Unix(task.ReachedAt(WireStatus.Accept, now)));
        w.WriteString("preprocessstarttime", Unix(task.ReachedAt(WireStatus.PreprocessStart, now)));
        w.WriteString("preprocessendtime", Unix(task.ReachedAt(WireStatus.PreprocessEnd, now)));
        w.WriteString("postprocessstarttime", Unix(task.ReachedAt(WireStatus.PostprocessStart, now)));
        w.WriteString("postprocessendtime", Unix(task.ReachedAt(WireStatus.PostprocessEnd, now)));
        w.WriteString("modelslugowner", task.Owner);
        w.WriteString("modelslugproject", task.Model);
        w.WriteString("totalcost", succeeded ? "0.003510000000" : "0");
        w.WriteNumber("ispublic", 0);
        w.WriteNull("modeldescription");
        w.WritePropertyName("outputs");
        WriteOutputs(w, task, succeeded, serverAddress);
        w.WriteString("size", (succeeded ? task.Outputs.Sum(o => (long)o.Content.Length) : 0).ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    /// <summary>The outputs array, empty unless the task succeeded.</summary>
    public static void WriteOutputs(Utf8JsonWriter w, EmulatedTask task, bool succeeded, Uri serverAddress)
    {
        w.WriteStartArray();
        if (succeeded)
        {
            var added = Unix(task.ReachedAt(WireStatus.PostprocessEnd, DateTimeOffset.MaxValue));
            for (var i = 0; i < task.Outputs.Count; i++)
            {
                var output = task.Outputs[i];
                if (output.InlineJson is { } inline)
                {
                    // An LLM answer: inline, no file and no URL, as Wiro lists it.
                    w.WriteStartObject();
                    w.WriteString("contenttype", output.ContentType);
                    w.WritePropertyName("content");
                    w.WriteRawValue(inline);
                    w.WriteEndObject();
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("id", $"{task.Uuid.Replace("-", "", StringComparison.Ordinal)[..24]}{i:x8}");
                w.WriteString("name", output.Name);
                w.WriteString("contenttype", output.ContentType);
                w.WriteString("parentid", task.Id);
                w.WriteString("uuid", task.Uuid);
                w.WriteString("size", output.Content.Length.ToString(CultureInfo.InvariantCulture));
                w.WriteString("addedtime", added);
                w.WriteString("modifiedtime", added);
                w.WriteString("accesskey", task.Token);
                w.WriteString("url", OutputUrl(serverAddress, task.Id, output.Name).AbsoluteUri);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    public static Uri OutputUrl(Uri serverAddress, string folder, string name)
        => new(serverAddress, $"/files/{Uri.EscapeDataString(folder)}/{Uri.EscapeDataString(name)}");

    public static string Unix(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "0";

    private static string Elapsed(DateTimeOffset? started, DateTimeOffset until)
        => (started is { } s && until > s ? (until - s).TotalSeconds : 0).ToString("0.0000", CultureInfo.InvariantCulture);
}
