using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wiro.Tool;

/// <summary>
/// Where spec pages come from (<c>https://wiro.ai</c> unless <c>--source</c> says otherwise). Every answer is
/// untrusted: a page is read up to <see cref="MaxPageBytes"/>, and every way a fetch can fail becomes a
/// <see cref="WiroToolException"/> with one line saying what happened.
/// </summary>
public sealed class PageSource : IDisposable
{
    /// <summary>The default source.</summary>
    public const string DefaultSource = "https://wiro.ai";

    /// <summary>Real pages are tens of kilobytes; anything past this is not a spec page.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;

    /// <summary>Creates a source at <paramref name="source"/>.</summary>
    /// <param name="source">An absolute http or https URL.</param>
    /// <param name="timeout">How long one fetch may take.</param>
    public PageSource(string source, TimeSpan timeout)
    {
        Address = ParseAddress(source, "--source");
        _http = new HttpClient { Timeout = timeout };
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
        try
        {
            using var response = await _http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                throw new WiroToolException(ExitCodes.UnknownTool, $"unknown tool '{tool}': {address} does not exist.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new WiroToolException(ExitCodes.Unreachable, $"{address} answered HTTP {(int)response.StatusCode} for '{tool}'.");
            }

            return await ReadLimitedAsync(response.Content, tool, address, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"cannot reach {Address.GetLeftPart(UriPartial.Authority)} for '{tool}': {Describe(exception)}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"{address} did not answer within {_http.Timeout.TotalSeconds:0} s.", exception);
        }
        catch (IOException exception)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"the connection to {Address.Authority} broke while reading '{tool}': {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static async Task<string> ReadLimitedAsync(HttpContent content, ToolName tool, Uri address, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxPageBytes)
        {
            throw TooLarge(tool, address);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxPageBytes)
            {
                throw TooLarge(tool, address);
            }

            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false)
            .GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    private static WiroToolException TooLarge(ToolName tool, Uri address)
        => new(ExitCodes.UnknownTool, $"'{tool}': {address} is larger than {MaxPageBytes / (1024 * 1024)} MB, so it is not a spec page.");

    /// <summary>What went wrong on the wire, in words a user can act on (no stack trace).</summary>
    private static string Describe(HttpRequestException exception)
        => exception.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused.",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "the host name cannot be resolved (no network?).",
            SocketException socket => socket.Message + ".",
            { } inner => inner.Message,
            null => exception.Message,
        };
}
