using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Wiro.WebApi.Tests;

/// <summary>One server-sent event of <c>/clips/{id}/events</c> or <c>/chat</c>: its type and its JSON data.</summary>
public sealed record StreamEvent(string Type, JsonElement Data, string? Id = null);

/// <summary>The sample's endpoints as a browser or curl uses them.</summary>
public static class ClipApi
{
    // Guards against a hang only; nothing asserts how long anything took.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> StartAsync(HttpClient client, object body)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var response = await client.PostAsJsonAsync("/clips", body, timeout.Token);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        return (response, json);
    }

    public static async Task<string> StartClipAsync(HttpClient client, string prompt)
    {
        var (response, body) = await StartAsync(client, new { prompt, frames = 121 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return body.GetProperty("taskId").GetString()!;
    }

    /// <summary>Reads the event stream to its end (the server closes it after the last event).</summary>
    public static async Task<(HttpResponseMessage Response, IReadOnlyList<StreamEvent> Events)> ReadEventsAsync(HttpClient client, string taskId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var response = await client.GetAsync($"/clips/{taskId}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return (response, await ReadStreamAsync(response, timeout.Token));
    }

    /// <summary>
    /// The events of a server-sent event stream, read to its end (or, with <paramref name="stopAfter"/>, until that many
    /// were read: the stream is then left, as a client whose connection dropped leaves it); none when the response is
    /// not a success.
    /// </summary>
    public static async Task<IReadOnlyList<StreamEvent>> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken, int? stopAfter = null)
    {
        var events = new List<StreamEvent>();
        if (response.IsSuccessStatusCode)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
            {
                events.Add(new StreamEvent(item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone(), item.EventId));
                if (events.Count == stopAfter)
                {
                    break;
                }
            }
        }

        return events;
    }

    /// <summary>Starts a clip and follows it to its last event, which must be a success.</summary>
    public static async Task<(string TaskId, JsonElement Done)> RunClipAsync(HttpClient client, string prompt)
    {
        var taskId = await StartClipAsync(client, prompt);
        var (response, events) = await ReadEventsAsync(client, taskId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = events[^1];
        Assert.Equal("done", done.Type);
        Assert.True(done.Data.GetProperty("succeeded").GetBoolean(), done.Data.ToString());
        return (taskId, done.Data);
    }
}
