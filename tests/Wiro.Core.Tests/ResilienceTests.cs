using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// The client under a user's <c>AddStandardResilienceHandler()</c>, over real HTTP against the emulator: a Run is
/// never sent twice, idempotent calls are retried with a fresh nonce and signature per attempt.
/// </summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_run_answered_500_is_not_sent_again_by_the_standard_resilience_handler()
    {
        await using var env = await TestEnvironment.StartAsync();
        var options = TestEnvironment.Options(env.Emulator);
        using var services = Services(options, signingHandler: true);
        var client = new WiroClient(services.GetRequiredService<IHttpClientFactory>().CreateClient("wiro"), options, signedByHandler: true);
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        var error = await Assert.ThrowsAsync<WiroResendRefusedException>(() => client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnvironment.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_signing_handler_the_standard_resilience_handler_sends_a_run_twice()
    {
        // The bug of issue 11, kept as a control: it shows the test above would see a second Run if one were sent.
        await using var env = await TestEnvironment.StartAsync();
        var options = TestEnvironment.Options(env.Emulator);
        using var services = Services(options, signingHandler: false);
        var client = new WiroClient(services.GetRequiredService<IHttpClientFactory>().CreateClient("wiro"), options);
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        // The emulator's fault answers before it checks the nonce, so the resent Run (same nonce) starts a task.
        var run = await client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        Assert.False(string.IsNullOrEmpty(run.TaskId));
        Assert.Equal(2, env.Emulator.Requests.Count(r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/Task/Detail")]
    [InlineData("/Task/Cancel")]
    [InlineData("/Task/Kill")]
    public async Task An_idempotent_call_is_retried_by_the_handler_with_a_fresh_nonce_per_attempt(string endpoint)
    {
        await using var env = await TestEnvironment.StartAsync(emulator: e => e.StatusStepDuration = TimeSpan.FromSeconds(5));
        // The core's own retries are off, so every retry seen here is the resilience handler's.
        var options = TestEnvironment.Options(env.Emulator);
        options.MaxRetries = 0;
        using var services = Services(options, signingHandler: true);
        var client = new WiroClient(services.GetRequiredService<IHttpClientFactory>().CreateClient("wiro"), options, signedByHandler: true);
        var run = await client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.ServerError(endpoint));

        var task = endpoint switch
        {
            "/Task/Detail" => await client.GetTaskByIdAsync(run.TaskId),
            "/Task/Cancel" => await client.CancelTaskAsync(run.TaskId),
            _ => await client.KillTaskAsync(run.TaskId),
        };

        Assert.Equal(run.TaskId, task.Id);
        var attempts = env.Emulator.Requests.Where(r => r.Path == "/v1" + endpoint).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.HasSignature));
        Assert.Equal(2, attempts.Select(a => a.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task A_whole_run_and_its_download_work_through_the_handler_chain()
    {
        await using var env = await TestEnvironment.StartAsync();
        var options = TestEnvironment.Options(env.Emulator);
        using var services = Services(options, signingHandler: true);
        var client = new WiroClient(services.GetRequiredService<IHttpClientFactory>().CreateClient("wiro"), options, signedByHandler: true);

        var result = await client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        using var output = new MemoryStream();
        await result.Outputs[0].DownloadToStreamAsync(output);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.True(output.Length > 0);
        Assert.All(env.Emulator.Requests.Where(r => !r.Path.StartsWith("/v1/", StringComparison.Ordinal)), r => Assert.Null(r.ApiKey));
    }

    private static ServiceProvider Services(WiroClientOptions options, bool signingHandler)
    {
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("wiro");
        if (signingHandler)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new WiroSigningHandler(options, new SocketsHttpHandler { AllowAutoRedirect = false }));
        }
        else
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        }

        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
            resilience.Retry.MaxRetryAttempts = 2;
        });
        return services.BuildServiceProvider();
    }
}
