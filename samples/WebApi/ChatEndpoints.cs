using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace WebApi;

/// <summary><c>POST /chat</c>: one turn with the sample's LLM tool, streamed as server-sent events (see <see cref="ChatEvents"/>).</summary>
internal static class ChatEndpoints
{
    /// <summary>Maps <c>/chat</c>; a refused run is a problem response (see <see cref="WiroProblems"/>).</summary>
    public static RouteHandlerBuilder MapChat(this IEndpointRouteBuilder app)
        => app.MapPost("/chat", ChatAsync).AddEndpointFilter(WiroProblems.FilterAsync);

    private static async Task<Results<ServerSentEventsResult<object>, ValidationProblem>> ChatAsync(
        ChatTurn body, IChatClient chat, CancellationToken cancellationToken)
    {
        if (body.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.ServerSentEvents(await ChatEvents.StartAsync(chat, body, cancellationToken));
    }
}
