using Microsoft.Extensions.Logging;

namespace Wiro.WebApi.Tests;

/// <summary>Every log line of a whole clip, and of a chat turn, at Trace, against an emulator that checks signatures.</summary>
public sealed class LogSecrecyTests
{
    private const string ApiKey = "webapi-key-3f9a6c";
    private const string ApiSecret = "webapi-secret-d41e87b2";
    private const string Prompt = "a heron-7c1b folding origami cranes";

    [Fact]
    public async Task No_secret_signature_or_prompt_reaches_any_log_line_state_or_scope()
    {
        await using var app = SampleApp.OnEmulator(ApiKey, ApiSecret);
        using var client = app.CreateClient();
        var (taskId, done) = await ClipApi.RunClipAsync(client, Prompt);
        (await client.GetAsync($"/clips/{taskId}")).EnsureSuccessStatusCode();
        (await client.GetAsync(done.GetProperty("outputs")[0].GetProperty("href").GetString())).EnsureSuccessStatusCode();

        var signed = app.Emulator.Requests.Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
        Assert.Contains(signed, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.All(signed, r => Assert.True(r.HasSignature && r.ApiKey == ApiKey && r.Nonce is not null));
        var signer = new WiroSigner(ApiKey, ApiSecret);
        var signatures = signed.Select(r => signer.Sign(r.Nonce!)).ToList();

        // The capture holds the sample's lines, the client's and HttpClient's header dumps, so the absences mean something.
        var lines = app.Logs.Lines;
        Assert.Contains(lines, l => l.EventId.Id == 100 && l.Message.Contains(taskId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category == "Wiro.Client" && l.Level == LogLevel.Debug);
        Assert.Contains(lines, l => l.Category.StartsWith("System.Net.Http.HttpClient.Wiro", StringComparison.Ordinal) && l.Level == LogLevel.Trace);
        var text = lines.SelectMany(l => l.AllText).ToList();
        Assert.DoesNotContain(text, t => t.Contains(ApiSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("heron-7c1b", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("x-signature", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(text, t => signatures.Any(signature => t.Contains(signature, StringComparison.Ordinal)));
        // Signing is the innermost handler, below HttpClient's logging: the key is not in the header dumps either.
        Assert.DoesNotContain(text, t => t.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_turn_leaves_neither_the_message_nor_the_answer_in_any_log_line_state_or_scope()
    {
        const string message = "my note-5e2d for the chat";
        await using var app = SampleApp.OnEmulator(ApiKey, ApiSecret);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/chat", System.Net.Http.Json.JsonContent.Create(new { message }));
        var events = await response.Content.ReadAsStringAsync();

        Assert.Contains("note-5e2d", events, StringComparison.Ordinal);   // the emulator's answer repeats the message
        var lines = app.Logs.Lines;
        Assert.Contains(lines, l => l.Category == "Wiro.Client" && l.Level == LogLevel.Debug);
        var text = lines.SelectMany(l => l.AllText).ToList();
        Assert.DoesNotContain(text, t => t.Contains("note-5e2d", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains(ApiSecret, StringComparison.Ordinal) || t.Contains(ApiKey, StringComparison.Ordinal));
    }
}
