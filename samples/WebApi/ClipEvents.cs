using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Wiro;

namespace WebApi;

/// <summary>
/// A clip's progress as server-sent events: a <c>progress</c> event per update of
/// <see cref="WiroClient.WatchAsync(WiroTask, CancellationToken)"/>, then one <c>done</c> event with the final state
/// and output links, or one <c>error</c> event when Wiro fails the watch.
/// </summary>
internal static class ClipEvents
{
    public const string Progress = "progress";
    public const string Done = "done";
    public const string Error = "error";

    public static async IAsyncEnumerable<SseItem<object>> StreamAsync(WiroClient wiro, WiroTask task, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Headers are sent by now, so a failure can no longer be a status code: it becomes the last event.
        var watch = wiro.WatchAsync(task, cancellationToken).GetAsyncEnumerator(cancellationToken);
        string? failure = null;
        try
        {
            while (true)
            {
                try
                {
                    if (!await watch.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (WiroApiException exception)
                {
                    failure = exception.Message;
                    break;
                }

                yield return new SseItem<object>(ClipProgress.From(watch.Current), Progress);
            }
        }
        finally
        {
            await watch.DisposeAsync();
        }

        SseItem<object>? done = null;
        if (failure is null)
        {
            try
            {
                // The last update carries the final status; the outputs come with the task itself.
                done = new SseItem<object>(ClipState.From(await wiro.GetTaskByIdAsync(task.Id, cancellationToken)), Done);
            }
            catch (WiroApiException exception)
            {
                failure = exception.Message;
            }
        }

        yield return done ?? new SseItem<object>(new ClipError(failure!), Error);
    }
}
