using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Wiro.Emulator.Tests;

/// <summary>
/// A bare Wiro caller for the tests: signs by hand (HMAC-SHA256 keyed with the API key over secret + nonce),
/// sends JSON or multipart, and hands back the status code and parsed body.
/// </summary>
internal sealed class WiroApi : IDisposable
{
    private static long _nonce = 1_700_000_000_000;

    private readonly HttpClient _http = new();

    public WiroApi(Uri baseAddress, string apiKey, string? apiSecret)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public string? ApiSecret { get; }

    public HttpClient Http => _http;

    public static string Sign(string apiKey, string apiSecret, string nonce)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(apiSecret + nonce)));

    public static string NextNonce() => Interlocked.Increment(ref _nonce).ToString();

    /// <summary>A request with the auth headers of this caller (signed when it has a secret).</summary>
    public HttpRequestMessage Request(string path, HttpContent? content = null, string? nonce = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, path)) { Content = content };
        request.Headers.Add("x-api-key", ApiKey);
        if (ApiSecret is not null)
        {
            nonce ??= NextNonce();
            request.Headers.Add("x-nonce", nonce);
            request.Headers.Add("x-signature", Sign(ApiKey, ApiSecret, nonce));
        }

        return request;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<Answer> PostJsonAsync(string path, string json) => SendAsync(Request(path, Json(json)));

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Answer((int)response.StatusCode, text, response.Headers.RetryAfter);
        }
    }

    public async Task<string> RunAsync(string tool = "wiroai/LTX-Video-Text2Video", string json = """{"prompt":"a red kite"}""")
    {
        var answer = await PostJsonAsync("Run/" + tool, json);
        Assert.Equal(200, answer.Status);
        return answer.Root.GetProperty("taskid").GetString()!;
    }

    public async Task<JsonElement> DetailAsync(string taskId)
    {
        var answer = await PostJsonAsync("Task/Detail", $$"""{"taskid":"{{taskId}}"}""");
        Assert.Equal(200, answer.Status);
        Assert.True(answer.Root.GetProperty("result").GetBoolean(), answer.Text);
        return Assert.Single(answer.Root.GetProperty("tasklist").EnumerateArray().ToList());
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An HTTP answer: status, raw text, Retry-After, and the JSON root (parsed on first use).</summary>
internal sealed record Answer(int Status, string Text, RetryConditionHeaderValue? RetryAfter)
{
    public JsonElement Root => JsonDocument.Parse(Text).RootElement;

    public bool Result => Root.GetProperty("result").GetBoolean();

    /// <summary>The first error's code and message.</summary>
    public (int Code, string Message) Error
    {
        get
        {
            var error = Root.GetProperty("errors")[0];
            return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
        }
    }
}
