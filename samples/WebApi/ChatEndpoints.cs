using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace WebApi;

/// <summary>
/// <c>POST /chat</c>: one turn with the sample's LLM tool, streamed as server-sent events (see <see cref="ChatEvents"/>);
/// posted again with <c>Last-Event-ID</c>, the stream resumed after that event.
/// </summary>
internal static class ChatEndpoints
{
    /// <summary>Maps <c>/chat</c>; a refused run is a problem response (see <see cref="WiroProblems"/>).</summary>
    public static RouteHandlerBuilder MapChat(this IEndpointRouteBuilder app)
        => app.MapPost("/chat", ChatAsync).AddEndpointFilter(WiroProblems.FilterAsync);

    /// <summary>A turn; or, with <c>Last-Event-ID</c> (the id of an event of an earlier stream), that stream resumed after it (the body is then ignored).</summary>
    private static async Task<Results<ServerSentEventsResult<object>, ValidationProblem>> ChatAsync(
        ChatTurn? body, IChatClient chat, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, CancellationToken cancellationToken)
    {
        if (lastEventId is not null)
        {
            var notOurs = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Last-Event-ID"] = ["Not the id of an event of this chat."] });
            try
            {
                return ResumePoints.Read(lastEventId) is { } token
                    ? TypedResults.ServerSentEvents(await ChatEvents.ResumeAsync(chat, token, cancellationToken))
                    : notOurs;
            }
            catch (ArgumentException)
            {
                // A Wiro token of another tool: the chat client refuses it before anything is sent.
                return notOurs;
            }
        }

        var errors = body?.Validate() ?? new Dictionary<string, string[]> { ["message"] = ["A message is required."] };
        if (body is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.ServerSentEvents(await ChatEvents.StartAsync(chat, body, cancellationToken));
    }
}
