namespace Wiro.Emulator.Tests;

public sealed class AuthTests
{
    private const string NotValid = """{"result":false,"errors":[{"code":0,"message":"Project authorization is not valid."}]}""";

    [Fact]
    public async Task The_platform_test_vector_signs_a_request_the_emulator_accepts()
    {
        Assert.Equal("c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018", WiroApi.Sign("key", "secret", "1700000000"));
        await using var env = await Emulated.StartAsync();

        var request = env.Api.Request("Run/wiroai/LTX-Video-Text2Video", WiroApi.Json("{}"), nonce: "1700000000");
        Assert.Equal("c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018", request.Headers.GetValues("x-signature").Single());
        var answer = await env.Api.SendAsync(request);

        Assert.Equal(200, answer.Status);
        Assert.True(answer.Result);
    }

    [Theory]
    [InlineData("wrong-secret", "key")]
    [InlineData("secret", "other-key")]
    public async Task A_wrong_signature_or_key_gets_401_with_the_wiro_envelope(string secret, string key)
    {
        await using var env = await Emulated.StartAsync();
        using var caller = new WiroApi(env.Emulator.BaseAddress, key, secret);

        var answer = await caller.PostJsonAsync("Task/Detail", """{"taskid":"1"}""");

        Assert.Equal(401, answer.Status);
        Assert.Equal(NotValid, answer.Text);
    }

    [Fact]
    public async Task Missing_signature_headers_are_named_in_the_401()
    {
        await using var env = await Emulated.StartAsync();
        using var unsigned = new WiroApi(env.Emulator.BaseAddress, Emulated.Key, apiSecret: null);

        var answer = await unsigned.PostJsonAsync("Task/Detail", """{"taskid":"1"}""");

        Assert.Equal(401, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal((0, "Project requires signature authentication. x-signature and x-nonce headers are required."), answer.Error);
    }

    [Fact]
    public async Task A_reused_nonce_is_refused()
    {
        await using var env = await Emulated.StartAsync();
        var nonce = WiroApi.NextNonce();

        var first = await env.Api.SendAsync(env.Api.Request("Run/a/b", WiroApi.Json("{}"), nonce));
        var second = await env.Api.SendAsync(env.Api.Request("Run/a/b", WiroApi.Json("{}"), nonce));

        Assert.Equal(200, first.Status);
        Assert.Equal(401, second.Status);
        Assert.Equal(NotValid, second.Text);
    }

    [Fact]
    public async Task A_badly_signed_request_does_not_use_up_its_nonce()
    {
        await using var env = await Emulated.StartAsync();
        var nonce = WiroApi.NextNonce();
        var forged = env.Api.Request("Run/a/b", WiroApi.Json("{}"), nonce);
        forged.Headers.Remove("x-signature");
        forged.Headers.Add("x-signature", WiroApi.Sign(Emulated.Key, "guess", nonce));

        Assert.Equal(401, (await env.Api.SendAsync(forged)).Status);
        Assert.Equal(200, (await env.Api.SendAsync(env.Api.Request("Run/a/b", WiroApi.Json("{}"), nonce))).Status);
    }

    [Fact]
    public async Task Key_only_projects_need_only_the_key()
    {
        await using var env = await Emulated.StartAsync(o =>
        {
            o.AuthMode = WiroAuthMode.ApiKeyOnly;
            o.ApiSecret = null;
        });
        using var stranger = new WiroApi(env.Emulator.BaseAddress, "other", apiSecret: null);

        var accepted = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var refused = await stranger.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal(200, accepted.Status);
        Assert.Equal(401, refused.Status);
        Assert.Equal(NotValid, refused.Text);
        Assert.All(env.Emulator.Requests, r => Assert.False(r.HasSignature));
    }

    [Fact]
    public async Task Requests_are_recorded_without_the_signature()
    {
        await using var env = await Emulated.StartAsync();
        var nonce = WiroApi.NextNonce();

        await env.Api.SendAsync(env.Api.Request("Run/a/b", WiroApi.Json("""{"prompt":"hi","steps":[1,2]}"""), nonce));

        var run = Assert.Single(env.Emulator.Requests);
        Assert.Equal(("POST", "/v1/Run/a/b", Emulated.Key, nonce), (run.Method, run.Path, run.ApiKey, run.Nonce));
        Assert.True(run.HasSignature);
        Assert.Equal(["hi"], run.Fields["prompt"]);
        Assert.Equal(["1", "2"], run.Fields["steps"]);
        Assert.DoesNotContain(typeof(RecordedRequest).GetProperties(), p => p.Name.Contains("Signature", StringComparison.Ordinal) && p.PropertyType == typeof(string));
    }

    [Fact]
    public async Task Signature_mode_without_a_secret_does_not_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = null }));
    }
}
