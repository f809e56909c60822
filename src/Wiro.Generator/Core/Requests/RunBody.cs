#nullable enable
namespace Wiro;

using System.Net.Http;

/// <summary>
/// The body of a Run: the tool's inputs and the run's own options, as JSON written straight into a pooled buffer, or
/// as a multipart form when an input is a local file to upload with it.
/// </summary>
internal static class RunBody
{
    public static HttpContent Create(WiroRequest request)
    {
        if (request.HasLocalFiles)
        {
            var multipart = new MultipartFormDataContent();
            var writer = new MultipartParameterWriter(multipart);
            request.WriteParameters(writer);
            WriteRunOptions(writer, request);
            return multipart;
        }

        return PooledJsonContent.Create(request, static (json, request) =>
        {
            var writer = new JsonParameterWriter(json);
            request.WriteParameters(writer);
            WriteRunOptions(writer, request);
        });
    }

    /// <summary>
    /// <c>callbackUrl</c> and <c>projectid</c> are the run's own options, not tool inputs: sent only when set (an
    /// unset tool input, by contrast, is sent empty, as Wiro's form does).
    /// </summary>
    private static void WriteRunOptions(WiroParameterWriter writer, WiroRequest request)
    {
        if (request.CallbackUrl is not null)
        {
            writer.WriteString(WiroRunOptionKeys.CallbackUrl, request.CallbackUrl);
        }

        if (request.ProjectId is not null)
        {
            writer.WriteString(WiroRunOptionKeys.ProjectId, request.ProjectId);
        }
    }
}
