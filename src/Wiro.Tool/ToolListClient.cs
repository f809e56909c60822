using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Wiro.Tool;

/// <summary>One tool of a Tool/List answer.</summary>
/// <param name="Owner">The <c>slugowner</c>.</param>
/// <param name="Slug">The <c>slugproject</c> (the Run endpoint's model segment).</param>
/// <param name="Title">The display title.</param>
/// <param name="Categories">The categories.</param>
public sealed record ListedTool(string Owner, string Slug, string Title, IReadOnlyList<string> Categories);

/// <summary>
/// Calls Tool/List, signed as every Wiro call is (<c>x-api-key</c>, and <c>x-nonce</c>/<c>x-signature</c> when there
/// is a secret), and pages through it. The answer is parsed leniently (numbers as numbers or strings) and bounded.
/// </summary>
public sealed class ToolListClient : IDisposable
{
    /// <summary>Wiro's API.</summary>
    public const string DefaultApi = "https://api.wiro.ai/v1/";

    private const int PageSize = 100;

    /// <summary>No real catalogue is near this; an answer that claims more is not followed further.</summary>
    private const int MaxTools = 10_000;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = 16 * 1024 * 1024 };
    private readonly Uri _api;
    private readonly string _apiKey;
    private readonly WiroSigner? _signer;

    /// <summary>A client for <paramref name="api"/>; plain http only to a loopback address, so credentials never cross a network in clear.</summary>
    public ToolListClient(Uri api, string apiKey, string? apiSecret)
    {
        if (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback))
        {
            throw new WiroToolException(ExitCodes.Usage, $"--api must be https (plain http only to a loopback address), not '{api}'.");
        }

        _api = api;
        _apiKey = apiKey;
        _signer = string.IsNullOrEmpty(apiSecret) ? null : new WiroSigner(apiKey, apiSecret);
    }

    /// <summary>Every tool matching <paramref name="search"/> and <paramref name="categories"/>, in the API's order.</summary>
    public async Task<IReadOnlyList<ListedTool>> ListAsync(string? search, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var tools = new List<ListedTool>();
        while (tools.Count < MaxTools)
        {
            var (total, page) = await PageAsync(tools.Count, search, categories, cancellationToken).ConfigureAwait(false);
            tools.AddRange(page);
            if (page.Count == 0 || tools.Count >= total)
            {
                break;
            }
        }

        return tools;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(long Total, List<ListedTool> Page)> PageAsync(int start, string? search, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api, "Tool/List")) { Content = Body(start, search, categories) };
        request.Headers.Add("x-api-key", _apiKey);
        if (_signer is not null)
        {
            var nonce = WiroSigner.NextNonce().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("x-nonce", nonce);
            request.Headers.Add("x-signature", _signer.Sign(nonce));
        }

        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"cannot reach {_api.GetLeftPart(UriPartial.Authority)}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{_api}Tool/List did not answer within {_http.Timeout.TotalSeconds:0} s.", exception);
        }

        return Parse(status, text);
    }

    private static ByteArrayContent Body(int start, string? search, IReadOnlyList<string> categories)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("start", start.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("limit", PageSize.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrWhiteSpace(search))
            {
                writer.WriteString("search", search);
            }

            if (categories.Count > 0)
            {
                writer.WriteStartArray("categories");
                foreach (var category in categories)
                {
                    writer.WriteStringValue(category);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static (long Total, List<ListedTool> Page) Parse(HttpStatusCode status, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"Tool/List answered HTTP {(int)status} with something that is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            var message = root.ValueKind == JsonValueKind.Object ? ErrorMessage(root) : null;
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new WiroToolException(ExitCodes.Unauthorized, $"the API refused the credentials (HTTP {(int)status}): {message ?? "no message"}");
            }

            if (root.ValueKind != JsonValueKind.Object || (int)status >= 300
                || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.True)
            {
                throw new WiroToolException(ExitCodes.Unreachable, $"Tool/List failed (HTTP {(int)status}): {message ?? "no result"}");
            }

            var tools = new List<ListedTool>();
            if (root.TryGetProperty("tool", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var tool in list.EnumerateArray().Where(tool => tool.ValueKind == JsonValueKind.Object))
                {
                    tools.Add(new ListedTool(Text(tool, "slugowner"), Text(tool, "slugproject"), Text(tool, "title"), Strings(tool, "categories")));
                }
            }

            return (Total(root) ?? tools.Count, tools);
        }
    }

    private static long? Total(JsonElement root)
    {
        if (!root.TryGetProperty("total", out var total))
        {
            return null;
        }

        return total.ValueKind switch
        {
            JsonValueKind.Number when total.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(total.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    private static string? ErrorMessage(JsonElement root)
        => root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && errors[0].ValueKind == JsonValueKind.Object && errors[0].TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.String ? message.GetString() : null;

    private static string Text(JsonElement tool, string name)
        => tool.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string[] Strings(JsonElement tool, string name)
        => tool.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToArray()
            : [];
}
