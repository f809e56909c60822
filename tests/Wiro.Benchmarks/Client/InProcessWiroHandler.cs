using System.Net;
using System.Net.Http.Headers;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// Answers like Wiro without a network: it reads the whole request body (as a socket would take it), insists on the
/// signature headers, and returns the canned Run or Task/Detail answer.
/// </summary>
public sealed class InProcessWiroHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>When set, request bodies are kept in <see cref="LastBody"/> (for the sanity check, not while timing).</summary>
    public bool RecordBodies { get; set; }

    public byte[]? LastBody { get; private set; }

    /// <summary>The Task/Detail answer: <see cref="WiroAnswers.TaskDetail"/> (a video) unless set, e.g. to <see cref="WiroAnswers.ChatTaskDetail"/>.</summary>
    public byte[] TaskDetail { get; set; } = WiroAnswers.TaskDetail;

    /// <summary>
    /// When set, every Task/Detail answer names another task (<c>"id"</c> counts up), so that a client that records
    /// each task's end once records every one (the telemetry benchmarks).
    /// </summary>
    public bool UniqueTaskIds { get; set; }

    private long _nextTaskId = 100_000;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            if (RecordBodies)
            {
                LastBody = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!request.Headers.Contains("x-api-key") || !request.Headers.Contains("x-nonce") || !request.Headers.Contains("x-signature"))
        {
            throw new InvalidOperationException("Unsigned request to " + request.RequestUri);
        }

        var path = request.RequestUri!.AbsolutePath;
        var body = path.EndsWith("/Task/Detail", StringComparison.Ordinal) ? TaskDetail
            : path.Contains("/Run/", StringComparison.Ordinal) ? WiroAnswers.Run
            : throw new InvalidOperationException("No canned answer for " + path);
        if (UniqueTaskIds && ReferenceEquals(body, WiroAnswers.TaskDetail))
        {
            body = WiroAnswers.TaskDetailWithId(Interlocked.Increment(ref _nextTaskId));
        }

        var answer = new ByteArrayContent(body);
        answer.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }
}
