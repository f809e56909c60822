using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>
/// A valid-looking Task/Detail answer of any size, <c>{"result":true,"tasklist":[{"id":"1","debugoutput":"xxx…"}]}</c>,
/// streamed from one small buffer so that hundreds of megabytes cost the emulator nothing.
/// </summary>
internal static class OversizedAnswer
{
    private static readonly byte[] Head = "{\"result\":true,\"tasklist\":[{\"id\":\"1\",\"debugoutput\":\""u8.ToArray();
    private static readonly byte[] Tail = "\"}]}"u8.ToArray();
    private static readonly byte[] Filler = CreateFiller();

    public static async Task WriteAsync(HttpContext context, long size, bool declareLength)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        if (declareLength)
        {
            context.Response.ContentLength = size;
        }

        var body = context.Response.Body;
        var token = context.RequestAborted;
        var framed = size >= Head.Length + Tail.Length;
        var left = framed ? size - Head.Length - Tail.Length : size;
        if (framed)
        {
            await body.WriteAsync(Head, token).ConfigureAwait(false);
        }

        while (left > 0)
        {
            var chunk = (int)Math.Min(left, Filler.Length);
            await body.WriteAsync(Filler.AsMemory(0, chunk), token).ConfigureAwait(false);
            left -= chunk;
        }

        if (framed)
        {
            await body.WriteAsync(Tail, token).ConfigureAwait(false);
        }
    }

    private static byte[] CreateFiller()
    {
        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'x');
        return filler;
    }
}
