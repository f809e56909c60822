using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Wiro;

namespace WebApi;

/// <summary>
/// Serves one output of a finished clip by streaming it from Wiro straight into the response: never held in memory,
/// never written to disk. Everything about it comes from the server, so nothing is used as a path, and only media
/// types a browser cannot run as script are passed on.
/// </summary>
internal static class ClipOutput
{
    public static async Task<Results<PushStreamHttpResult, NotFound<string>>> ServeAsync(
        string id, int index, WiroClient wiro, HttpResponse response, CancellationToken cancellationToken)
    {
        var state = await wiro.GetTaskByIdAsync(id, cancellationToken);
        var clip = ClipState.From(state);
        if (!clip.Succeeded || index < 0 || index >= state.Outputs.Count)
        {
            return TypedResults.NotFound(clip.Succeeded ? $"Clip {id} has no output {index}." : $"Clip {id} has not succeeded (status {clip.Status}).");
        }

        var output = state.Outputs[index];
        if (output.Url is null)
        {
            return TypedResults.NotFound($"Output {index} of clip {id} is not a file.");
        }

        // A server that called its output text/html or image/svg+xml would otherwise run script on this origin.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(
            body => output.DownloadToStreamAsync(body, cancellationToken),
            contentType: PassableMediaType(output.ContentType),
            fileDownloadName: output.Name);
    }

    /// <summary>Video, audio and raster images keep their type; anything else is served as opaque bytes.</summary>
    internal static string PassableMediaType(string contentType)
        => MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } type
           && (type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
               || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
               || (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !type.Contains("svg", StringComparison.OrdinalIgnoreCase)))
            ? type
            : "application/octet-stream";
}
