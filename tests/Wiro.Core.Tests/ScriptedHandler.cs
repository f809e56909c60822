using System.Net;
using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// An in-process HTTP handler that answers each request with the next scripted reply and records what it was sent:
/// for the core's own behaviour (envelopes, retries, waiting rules) where exact answers matter more than a server.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<SentRequest, int, HttpResponseMessage> _answer;
    private readonly List<SentRequest> _sent = [];

    public ScriptedHandler(Func<SentRequest, int, HttpResponseMessage> answer) => _answer = answer;

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToArray();
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A Task/Detail answer with one task in the given status and exit code.</summary>
    public static HttpResponseMessage Task(string status, string pexit = "", string debugError = "")
        => Json($$"""{"result":true,"errors":[],"total":"1","tasklist":[{"id":"7","socketaccesstoken":"tok","status":"{{status}}","pexit":"{{pexit}}","debugerror":"{{debugError}}","outputs":[]}]}""");

    public static WiroClient Client(ScriptedHandler handler, Action<WiroClientOptions>? configure = null)
    {
        var options = new WiroClientOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            BaseAddress = new Uri("https://api.example.test/v1/"),
            PollingInterval = TimeSpan.FromMilliseconds(1),
            MaxPollingInterval = TimeSpan.FromMilliseconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new WiroClient(new HttpClient(handler), options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var sent = new SentRequest(request.Method, request.RequestUri!, body, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        int index;
        lock (_sent)
        {
            _sent.Add(sent);
            index = _sent.Count - 1;
        }

        var response = _answer(sent, index);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>One request as the handler saw it.</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Uri.AbsolutePath;
}
