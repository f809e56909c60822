#nullable enable
namespace Wiro;

using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Reads Wiro's answer envelope. <c>result:false</c> is an error whatever the HTTP status (Wiro often answers 200),
/// and error codes come as numbers or strings.
/// </summary>
internal static class WiroResponse
{
    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Error(response.StatusCode, -1, $"Wiro answered with malformed JSON ({body.Length} bytes).", exception);
        }

        var root = document.RootElement;
        var failed = !response.IsSuccessStatusCode
                     || root.ValueKind != JsonValueKind.Object
                     || (root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.False);
        if (!failed)
        {
            return document;
        }

        using (document)
        {
            var (code, message) = FirstError(root);
            throw Error(response.StatusCode, code, message ?? $"Wiro refused the call ({response.ReasonPhrase}).", null);
        }
    }

    private static (int Code, string? Message) FirstError(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var error = errors[0];
            var code = int.TryParse(WiroTask.Text(error, "code"), out var parsed) ? parsed : -1;
            return (code, WiroTask.Text(error, "message"));
        }

        return (-1, null);
    }

    private static WiroApiException Error(HttpStatusCode status, int code, string message, Exception? inner)
        => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new WiroAuthenticationException(code, message, status)
            : code == 96
                ? new WiroConcurrencyLimitException(message, status)
                : new WiroApiException(code, message, status, inner);
}
