using Microsoft.AspNetCore.Http.HttpResults;
using Wiro;

namespace WebApi;

/// <summary>The sample's API: start a clip, read it, stream its progress, download its outputs.</summary>
internal static partial class ClipEndpoints
{
    /// <summary>Maps <c>/clips</c>; Wiro's refusals become problem responses (see <see cref="WiroProblems"/>).</summary>
    public static RouteGroupBuilder MapClips(this IEndpointRouteBuilder app)
    {
        var clips = app.MapGroup("/clips").AddEndpointFilter(WiroProblems.FilterAsync);
        clips.MapPost("/", StartAsync);
        clips.MapGet("/{id}", GetAsync);
        clips.MapGet("/{id}/events", EventsAsync);
        clips.MapGet("/{id}/outputs/{index:int}", ClipOutput.ServeAsync);
        return clips;
    }

    /// <summary>Starts a clip and answers at once (202): the task runs on Wiro, <c>/events</c> follows it.</summary>
    private static async Task<Results<Accepted<ClipStarted>, ValidationProblem>> StartAsync(
        ClipRequest body, LtxVideoText2VideoClient ltx, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (body.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var run = await ltx.RunAsync(body.ToRequest(), cancellationToken);
        // The task id only: prompts are content, and content stays out of logs.
        ClipStartedLog(loggers.CreateLogger("WebApi.Clips"), run.TaskId);
        var links = ClipLinks.For(run.TaskId);
        return TypedResults.Accepted(links.Self, new ClipStarted(run.TaskId, links));
    }

    private static async Task<Ok<ClipState>> GetAsync(string id, WiroClient wiro, CancellationToken cancellationToken)
        => TypedResults.Ok(ClipState.From(await wiro.GetTaskByIdAsync(id, cancellationToken)));

    /// <summary>Reads the task first, so an unknown id is a 404 rather than a stream that fails at once.</summary>
    private static async Task<ServerSentEventsResult<object>> EventsAsync(string id, WiroClient wiro, CancellationToken cancellationToken)
    {
        var task = await wiro.GetTaskByIdAsync(id, cancellationToken);
        return TypedResults.ServerSentEvents(ClipEvents.StreamAsync(wiro, task, cancellationToken));
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Clip {TaskId} started")]
    private static partial void ClipStartedLog(ILogger logger, string taskId);
}
