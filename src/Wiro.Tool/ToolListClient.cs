using System.Globalization;
using System.Text.Json;

namespace Wiro.Tool;

/// <summary>One tool of a Tool/List answer.</summary>
/// <param name="Owner">The <c>slugowner</c>.</param>
/// <param name="Slug">The <c>slugproject</c> (the Run endpoint's model segment).</param>
/// <param name="Title">The display title.</param>
/// <param name="Categories">The categories.</param>
internal sealed record ListedTool(string Owner, string Slug, string Title, IReadOnlyList<string> Categories);

/// <summary>
/// Calls Tool/List and pages through it, and Tool/Detail for <c>wiro add --detail</c>. The call goes through the client core's <see cref="WiroClient"/>, as every
/// generated client's calls do: signed (<c>x-api-key</c>, and <c>x-nonce</c>/<c>x-signature</c> when there is a
/// secret), to the API's origin only (a redirect is refused, so nothing signed goes elsewhere), its answer capped,
/// timed and retried on 408/429/5xx. The answer is parsed leniently (numbers as numbers or strings).
/// </summary>
internal sealed class ToolListClient : IDisposable
{
    private const string Operation = "Tool/List";

    private const int PageSize = 100;

    /// <summary>No real catalogue is near this; an answer that claims more is not followed further.</summary>
    private const int MaxTools = 10_000;

    private readonly WiroClient _client;
    private readonly Uri _api;
    private readonly ToolTimeouts _timeouts;

    /// <summary>A client for <paramref name="access"/>.</summary>
    public ToolListClient(ApiAccess access, ToolTimeouts timeouts)
    {
        _api = access.Api;
        _timeouts = timeouts;
        _client = access.CreateClient(options =>
        {
            options.UseWebSocket = false;
            options.Timeout = timeouts.Answer;
            options.MaxRetries = 2;
        });
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

    /// <summary>
    /// The Tool/Detail answer for <paramref name="owner"/>/<paramref name="slug"/> (the page's Run endpoint), as
    /// indented JSON text to save beside the page: the same signed call, caps and retries as Tool/List. A tool Wiro
    /// does not know (error code 1) is an unknown tool (exit 3).
    /// </summary>
    public async Task<string> DetailAsync(string owner, string slug, CancellationToken cancellationToken)
    {
        const string operation = "Tool/Detail";
        try
        {
            using var answer = await _client.PostJsonAsync(operation, (owner, slug), static (writer, tool) =>
            {
                writer.WriteString("slugowner", tool.owner);
                writer.WriteString("slugproject", tool.slug);
            }, cancellationToken).ConfigureAwait(false);
            if (LenientJson.Text(answer.RootElement, "result")?.Trim().ToLowerInvariant() is not ("true" or "1"))
            {
                throw new WiroToolException(ExitCodes.Unreachable, $"{operation} answered without result:true for '{owner}/{slug}'.");
            }

            return Indented(answer.RootElement, operation, owner, slug);
        }
        catch (WiroApiException exception) when (exception.GetType() == typeof(WiroApiException) && exception.Code == 1)
        {
            throw new WiroToolException(ExitCodes.UnknownTool, $"unknown tool '{owner}/{slug}': {operation} does not know it ({exception.WiroMessage}).", exception);
        }
        catch (WiroApiException exception)
        {
            throw NetworkFailure.OfCall(exception, operation, _api);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{_api}{operation} did not answer within {_timeouts.Answer.TotalSeconds:0.#} s.", exception);
        }
    }

    /// <summary>The answer as indented JSON (non-ASCII escaped, so no invisible character is saved raw); text that is not valid UTF-8 is refused.</summary>
    private static string Indented(JsonElement root, string operation, string owner, string slug)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                root.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{operation} answered text that is not valid UTF-8 for '{owner}/{slug}'.", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<(long Total, List<ListedTool> Page)> PageAsync(int start, string? search, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await _client.PostJsonAsync(Operation, (start, search, categories), WriteBody, cancellationToken).ConfigureAwait(false);
            return Read(answer.RootElement);
        }
        catch (WiroApiException exception)
        {
            throw NetworkFailure.OfCall(exception, Operation, _api);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{_api}{Operation} did not answer within {_timeouts.Answer.TotalSeconds:0.#} s.", exception);
        }
    }

    private static void WriteBody(Utf8JsonWriter writer, (int Start, string? Search, IReadOnlyList<string> Categories) body)
    {
        writer.WriteString("start", body.Start.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("limit", PageSize.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(body.Search))
        {
            writer.WriteString("search", body.Search);
        }

        if (body.Categories.Count > 0)
        {
            writer.WriteStartArray("categories");
            foreach (var category in body.Categories)
            {
                writer.WriteStringValue(category);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>The core has refused every answer that says no; one that does not say yes either is no list.</summary>
    private static (long Total, List<ListedTool> Page) Read(JsonElement root)
    {
        if (LenientJson.Text(root, "result")?.Trim().ToLowerInvariant() is not ("true" or "1"))
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{Operation} answered without result:true.");
        }

        var tools = new List<ListedTool>();
        if (LenientJson.TryGet(root, "tool", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in list.EnumerateArray().Where(tool => tool.ValueKind == JsonValueKind.Object))
            {
                tools.Add(new ListedTool(Text(tool, "slugowner"), Text(tool, "slugproject"), Text(tool, "title"), Strings(tool, "categories")));
            }
        }

        return (Total(root) ?? tools.Count, tools);
    }

    private static long? Total(JsonElement root) => LenientJson.Count(root, "total");

    private static string Text(JsonElement tool, string name) => LenientJson.Text(tool, name) ?? "";

    private static string[] Strings(JsonElement tool, string name)
    {
        if (!LenientJson.TryGet(tool, name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var strings = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            try
            {
                strings.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                // Not valid text (invalid UTF-8, a lone surrogate): left out rather than failing the list.
            }
        }

        return [.. strings];
    }
}
