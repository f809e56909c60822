using System.Buffers;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>Wiro's JSON shapes, written by hand (no reflection): numbers as strings, the result/errors envelope.</summary>
internal static class WiroJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(int code, string message) => Write(w =>
    {
        w.WriteBoolean("result", false);
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static void WriteOk(Utf8JsonWriter w)
    {
        w.WriteBoolean("result", true);
        w.WriteStartArray("errors");
        w.WriteEndArray();
    }

    public static void WriteTask(Utf8JsonWriter w, EmulatedTask task, DateTimeOffset now, Uri filesBase)
    {
        var status = task.StatusAt(now);
        var ended = task.IsEndedAt(now);
        var created = task.CreatedAt.ToUnixTimeSeconds();
        var elapsed = (ended ? task.StepDuration * 10 : now - task.CreatedAt).TotalSeconds;
        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("uuid", Guid.NewGuid().ToString());
        w.WriteString("socketaccesstoken", task.Token);
        w.WritePropertyName("parameters");
        w.WriteRawValue(task.ParametersJson);
        w.WriteString("debugoutput", ended && task.Outcome.ExitCode == "0" ? "done" : "");
        w.WriteString("debugerror", status is "task_error" || (status == "task_postprocess_end" && task.Outcome.ExitCode != "0") ? task.Outcome.DebugError : "");
        w.WriteString("starttime", task.HasStartedAt(now) ? (created + 1).ToString() : "0");
        w.WriteString("endtime", ended ? now.ToUnixTimeSeconds().ToString() : "0");
        w.WriteString("elapsedseconds", elapsed.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("status", status);
        w.WriteString("pexit", status == "task_postprocess_end" ? task.Outcome.ExitCode : "");
        w.WriteString("createtime", created.ToString());
        w.WriteString("canceltime", task.CancelledAt?.ToUnixTimeSeconds().ToString() ?? "0");
        w.WriteString("modelslugowner", task.Owner);
        w.WriteString("modelslugproject", task.Model);
        w.WriteString("totalcost", ended ? "0.003510000000" : "0");
        w.WriteNumber("ispublic", 0);
        w.WriteNull("modeldescription");
        w.WriteStartArray("outputs");
        if (task.Succeeded(now))
        {
            WriteOutput(w, task, filesBase);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteOutput(Utf8JsonWriter w, EmulatedTask task, Uri filesBase)
    {
        w.WriteStartObject();
        w.WriteString("id", task.Token);
        w.WriteString("name", "0.png");
        w.WriteString("contenttype", "image/png");
        w.WriteString("size", WiroEmulator.OutputPng.Length.ToString());
        w.WriteString("url", new Uri(filesBase, $"/files/{task.Id}/0.png").AbsoluteUri);
        w.WriteEndObject();
    }
}
