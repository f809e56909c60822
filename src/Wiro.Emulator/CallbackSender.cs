using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>
/// Posts a task's final object to its <c>callbackUrl</c> when it ends: once, best effort, no retry, as Wiro does.
/// Only loopback URLs are called, so tests never send traffic off the machine; others are skipped.
/// </summary>
internal sealed class CallbackSender(TimeProvider clock, Func<Uri> serverAddress) : IDisposable
{
    // The client core's rule: a callback never follows a redirect, so nothing leaves the machine.
    private readonly HttpClient _http = global::Wiro.WiroHttp.CreateClient(TimeSpan.FromSeconds(10));
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>True for an absolute http(s) URL on this machine.</summary>
    public static bool IsDeliverable(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;

    public void Watch(EmulatedTask task)
    {
        if (IsDeliverable(task.CallbackUrl))
        {
            _ = DeliverAsync(task, _stopping.Token);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _http.Dispose();
    }

    private async Task DeliverAsync(EmulatedTask task, CancellationToken cancellationToken)
    {
        try
        {
            // One step at a time on the emulator's clock, so a cancel or kill ends the wait early.
            while (!task.IsEndedAt(clock.GetUtcNow()))
            {
                await Task.Delay(task.StepDuration > TimeSpan.Zero ? task.StepDuration : TimeSpan.FromMilliseconds(1), clock, cancellationToken).ConfigureAwait(false);
            }

            var body = TaskObject(task);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var _ = await _http.PostAsync(new Uri(task.CallbackUrl!), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: a callback that fails, or is cut off by Dispose, is not retried.
        }
    }

    /// <summary>The task object alone, as one entry of a Task/Detail <c>tasklist</c>.</summary>
    private byte[] TaskObject(EmulatedTask task)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WiroJson.Options))
        {
            TaskJson.WriteTask(writer, task, clock.GetUtcNow(), serverAddress());
        }

        return buffer.WrittenSpan.ToArray();
    }
}
