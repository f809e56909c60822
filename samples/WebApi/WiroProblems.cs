using System.Net;
using Wiro;

namespace WebApi;

/// <summary>Turns Wiro's refusals into problem responses, before a response has started.</summary>
internal static class WiroProblems
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (WiroApiException exception)
        {
            return ToProblem(exception);
        }
    }

    /// <summary>Not found (Wiro's code 1, or HTTP 404) and bad input (HTTP 400) are the caller's; the rest is a bad gateway.</summary>
    private static IResult ToProblem(WiroApiException exception) => exception switch
    {
        { HttpStatus: HttpStatusCode.NotFound } or { Code: 1 } => TypedResults.Problem(exception.WiroMessage, statusCode: StatusCodes.Status404NotFound, title: "Not found on Wiro"),
        { HttpStatus: HttpStatusCode.BadRequest } => TypedResults.Problem(exception.WiroMessage, statusCode: StatusCodes.Status400BadRequest, title: "Wiro refused the inputs"),
        WiroAuthenticationException => TypedResults.Problem("Check Wiro:ApiKey and Wiro:ApiSecret.", statusCode: StatusCodes.Status502BadGateway, title: "Wiro refused the credentials"),
        _ => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status502BadGateway, title: "Wiro refused the call"),
    };
}
