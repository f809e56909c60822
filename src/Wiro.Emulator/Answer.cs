using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>Writes a finished answer.</summary>
internal static class Answer
{
    public static Task JsonAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task ErrorAsync(HttpContext context, int status, int code, string message)
        => JsonAsync(context, status, WiroJson.Error(code, message));
}
