using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>The generated <c>AddWiro</c> (this project references the DI abstractions), against the emulator.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddWiro_binds_a_section_and_serves_tool_clients_that_run()
    {
        await using var emulator = await StartEmulatorAsync();
        using var provider = Provider(services => services.AddWiro(Section(emulator)));

        var result = await provider.GetRequiredService<LtxVideoText2VideoClient>().RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Same(provider.GetRequiredService<WiroClient>(), provider.GetRequiredService<WiroClient>());
        Assert.Equal(TimeSpan.FromMilliseconds(10), provider.GetRequiredService<WiroClient>().Options.PollingInterval);
    }

    [Fact]
    public async Task AddWiro_with_the_standard_resilience_handler_sends_a_failed_run_once()
    {
        await using var emulator = await StartEmulatorAsync();
        using var provider = Provider(services => services.AddWiro(Section(emulator))
            .AddStandardResilienceHandler(resilience => resilience.Retry.Delay = TimeSpan.FromMilliseconds(1)));
        emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        await Assert.ThrowsAsync<WiroResendRefusedException>(
            () => provider.GetRequiredService<LtxVideoText2VideoClient>().RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Single(emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_api_key_fails_the_start_naming_it()
    {
        using var provider = Provider(services => services.AddWiro(options => options.ApiSecret = "s"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyed_project_is_resolved_with_FromKeyedServices_and_talks_to_its_own_origin()
    {
        await using var first = await StartEmulatorAsync();
        await using var second = await StartEmulatorAsync();
        using var provider = Provider(services =>
        {
            services.AddWiro(Section(first));
            services.AddWiro("second", Section(second));
            services.AddSingleton<SecondProjectUser>();
        });

        var run = await provider.GetRequiredService<SecondProjectUser>().Tool.RunAsync(new LtxVideoText2VideoRequest());

        Assert.False(string.IsNullOrEmpty(run.TaskId));
        Assert.Single(second.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Empty(first.Requests);
        Assert.NotSame(provider.GetRequiredService<WiroClient>(), provider.GetRequiredKeyedService<WiroClient>("second"));
    }

    [Fact]
    public async Task A_tool_client_can_be_replaced_by_a_subclass_in_a_users_tests()
    {
        await using var emulator = await StartEmulatorAsync();
        using var provider = Provider(services =>
        {
            services.AddWiro(Section(emulator));
            services.AddSingleton<LtxVideoText2VideoClient, FakeLtxClient>();
        });
        var tool = provider.GetRequiredService<LtxVideoText2VideoClient>();

        var run = await tool.RunAsync(new LtxVideoText2VideoRequest());

        Assert.Equal("fake-task", run.TaskId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => tool.RunAndWaitAsync(new LtxVideoText2VideoRequest()));
        Assert.Empty(emulator.Requests);
    }

    private static ServiceProvider Provider(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static Task<WiroEmulator> StartEmulatorAsync()
        => WiroEmulator.StartAsync(new WiroEmulatorOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            StatusStepDuration = TimeSpan.FromMilliseconds(15),
        });

    private static IConfigurationSection Section(WiroEmulator emulator)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wiro:ApiKey"] = TestEnvironment.Key,
            ["Wiro:ApiSecret"] = TestEnvironment.Secret,
            ["Wiro:BaseAddress"] = emulator.BaseAddress.AbsoluteUri,
            ["Wiro:UseWebSocket"] = "false",
            ["Wiro:PollingInterval"] = "00:00:00.010",
            ["Wiro:MaxPollingInterval"] = "00:00:00.040",
        }).Build().GetSection("Wiro");

    private sealed class FakeLtxClient : LtxVideoText2VideoClient
    {
        public override Task<WiroRunResult> RunAsync(LtxVideoText2VideoRequest request, CancellationToken cancellationToken = default)
            => Task.FromResult(new WiroRunResult("fake-task", "fake-token"));
    }

    private sealed class SecondProjectUser([FromKeyedServices("second")] LtxVideoText2VideoClient tool)
    {
        public LtxVideoText2VideoClient Tool { get; } = tool;
    }
}
