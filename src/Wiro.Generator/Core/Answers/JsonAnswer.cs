#nullable enable
namespace Wiro;

using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// One API answer read whole within <see cref="WiroClientOptions.MaxResponseBytes"/> and parsed in place, with no
/// second copy. A Content-Length over the cap fails before any byte is read; a body without one fails as soon as it
/// passes the cap. Disposing it returns the buffer.
/// </summary>
internal sealed class JsonAnswer : IDisposable
{
    // Most answers declare their length; a chunked one starts small (a Task/Detail answer is a few KB).
    private const int UnknownLengthStart = 16 * 1024;

    private readonly CappedBuffer _buffer;
    private readonly JsonDocument _document;

    private JsonAnswer(CappedBuffer buffer, JsonDocument document)
    {
        _buffer = buffer;
        _document = document;
    }

    public JsonElement RootElement => _document.RootElement;

    /// <exception cref="WiroResponseTooLargeException">The answer is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="JsonException">The answer is not JSON.</exception>
    public static async Task<JsonAnswer> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new WiroResponseTooLargeException(maxBytes, declared, response.StatusCode);
        }

        var buffer = new CappedBuffer(maxBytes, declared is { } length ? (int)length + 1 : UnknownLengthStart);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.GetMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Advance(read);
                    if (buffer.Overflowed)
                    {
                        throw new WiroResponseTooLargeException(maxBytes, declared, response.StatusCode);
                    }
                }
            }

            var json = buffer.WrittenMemory;
            if (json.Span.StartsWith("\uFEFF"u8))
            {
                json = json.Slice(3);
            }

            return new JsonAnswer(buffer, JsonDocument.Parse(json));
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _document.Dispose();
        _buffer.Dispose();
    }
}
