using System.Text;

namespace Wiro.Tool;

/// <summary>
/// Where spec pages come from (<c>https://wiro.ai</c> unless <c>--source</c> says otherwise). Every answer is
/// untrusted, so a page is fetched by the client core's download routine, under the rules outputs obey: http(s)
/// only, never from https to http, at most <see cref="OutputDownloader.MaxRedirects"/> redirects, a body that stalls
/// is dropped and resumed, and nothing past <see cref="MaxPageBytes"/>; the whole fetch, retries included, has a
/// deadline (<see cref="ToolTimeouts.Page"/>). Every way a fetch can fail becomes a <see cref="WiroToolException"/>
/// with one line saying what happened.
/// </summary>
internal sealed class PageSource : IDisposable
{
    /// <summary>The default source.</summary>
    public const string DefaultSource = "https://wiro.ai";

    /// <summary>Real pages are tens of kilobytes; anything past this is not a spec page.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly ToolTimeouts _timeouts;

    /// <summary>The download rules: retries and the stall rule. No key: pages are public and never signed.</summary>
    private readonly WiroClientOptions _rules;

    /// <summary>Creates a source at <paramref name="source"/>.</summary>
    /// <param name="source">An absolute http or https URL.</param>
    /// <param name="timeouts">How long an answer, a stalled body and a whole fetch may take.</param>
    public PageSource(string source, ToolTimeouts timeouts)
    {
        Address = ParseAddress(source, "--source");
        _timeouts = timeouts;
        _rules = new WiroClientOptions { MaxRetries = 2, DownloadStallTimeout = timeouts.Stall };
        _http = WiroHttp.CreateClient(timeouts.Answer);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("wiro-tool/0.1");
    }

    /// <summary>The source's root, ending in <c>/</c>.</summary>
    public Uri Address { get; }

    /// <summary>An absolute http(s) URL ending in <c>/</c>, or a usage error naming <paramref name="option"/>.</summary>
    public static Uri ParseAddress(string text, string option)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new WiroToolException(ExitCodes.Usage, $"{option} must be an http or https URL, not '{text}'.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>The page of <paramref name="tool"/>; throws <see cref="WiroToolException"/> when there is none or it cannot be fetched.</summary>
    public async Task<string> FetchAsync(ToolName tool, CancellationToken cancellationToken)
    {
        var address = tool.PageAddress(Address);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The stall rule alone lets a body that moves just fast enough take hours to reach the cap.
        deadline.CancelAfter(_timeouts.Page);
        using var page = new MemoryStream();
        try
        {
            await new OutputDownloader(_http, _rules, address, size: null, MaxPageBytes).DownloadAsync(page, deadline.Token).ConfigureAwait(false);
        }
        catch (WiroApiException exception)
        {
            throw NetworkFailure.OfPage(exception, tool, address, Address, _timeouts);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{address} did not arrive whole within {_timeouts.Page.TotalSeconds:0.#} s.", exception);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false)
            .GetString(page.GetBuffer(), 0, (int)page.Length).TrimStart('\uFEFF');
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
