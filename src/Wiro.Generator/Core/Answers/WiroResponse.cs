#nullable enable
namespace Wiro;

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Reads Wiro's answer envelope straight from the response stream. <c>result:false</c> is an error whatever the HTTP
/// status (Wiro often answers 200) and however it is written (<c>false</c>, <c>"false"</c>, <c>0</c>), error codes
/// come as numbers or strings, and 401/403 mean the credentials were refused even when the body is not JSON.
/// </summary>
internal static class WiroResponse
{
    /// <summary>
    /// Reads the answer within <paramref name="maxBytes"/> and parses it in place (see <see cref="JsonAnswer"/>).
    /// <see cref="HttpClient.Timeout"/> stops at the headers, so <paramref name="timeout"/> bounds the body too: a
    /// server that stalls or trickles mid-answer cannot hold a call forever.
    /// </summary>
    public static async Task<JsonAnswer> ReadAsync(HttpResponseMessage response, int maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        JsonAnswer document;
        using var stalled = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stalled?.CancelAfter(timeout);
        var reading = stalled?.Token ?? cancellationToken;
        try
        {
            document = await JsonAnswer.ReadAsync(response, maxBytes, reading).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // As HttpClient reports its own timeout, so callers (and retries) treat both alike.
            throw new TaskCanceledException(
                $"Wiro's answer did not arrive within {timeout.TotalSeconds:0.###} s.", new TimeoutException(exception.Message, exception));
        }
        catch (JsonException exception)
        {
            if (response.IsSuccessStatusCode)
            {
                throw new WiroMalformedResponseException(
                    $"Wiro answered with malformed JSON ({exception.Message}).", response.StatusCode, exception);
            }

            throw Error(response, -1, $"Wiro refused the call with HTTP {(int)response.StatusCode} ({response.ReasonPhrase}) and no JSON error.", exception);
        }

        var root = document.RootElement;
        var failed = !response.IsSuccessStatusCode || IsRefusal(root);
        if (!failed)
        {
            return document;
        }

        using (document)
        {
            var (code, message) = FirstError(root);
            throw Error(response, code, message ?? $"Wiro refused the call (HTTP {(int)response.StatusCode} {response.ReasonPhrase}).", null);
        }
    }

    /// <summary>
    /// Whether an answer says no: <c>result</c> false as a boolean, a string (<c>"false"</c>) or a number (<c>0</c>);
    /// when <c>result</c> is missing or unreadable, whether <c>errors</c> holds one. Anything but an object says no.
    /// </summary>
    internal static bool IsRefusal(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        switch (LenientJson.Text(root, "result")?.Trim().ToLowerInvariant())
        {
            case "false" or "0":
                return true;
            case "true" or "1":
                return false;
            default:
                return LenientJson.TryGet(root, "errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;
        }
    }

    private static (int Code, string? Message) FirstError(JsonElement root)
    {
        if (LenientJson.TryGet(root, "errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var error = errors[0];
            var code = int.TryParse(LenientJson.Text(error, "code"), out var parsed) ? parsed : -1;
            return (code, LenientJson.Text(error, "message"));
        }

        return (-1, null);
    }

    private static WiroApiException Error(HttpResponseMessage response, int code, string message, Exception? inner)
        => response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new WiroAuthenticationException(code, message, response.StatusCode)
            : code == 96
                ? new WiroConcurrencyLimitException(message, response.StatusCode)
                : new WiroApiException(code, message, response.StatusCode, inner);
}
