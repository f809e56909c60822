using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    public async Task AddWiro_with_the_standard_hedging_handler_sends_a_slow_run_once_and_returns_its_answer()
    {
        await using var emulator = await StartEmulatorAsync();
        using var provider = Provider(services => services.AddWiro(Section(emulator))
            .AddStandardHedgingHandler()
            .Configure(hedging => hedging.Hedging.Delay = TimeSpan.FromMilliseconds(20)));
        emulator.EnqueueFault(WiroFault.Delay(TimeSpan.FromMilliseconds(600), "/Run"));

        var run = await provider.GetRequiredService<LtxVideoText2VideoClient>().RunAsync(new LtxVideoText2VideoRequest());

        Assert.Single(emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(run.TaskId));
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

    [Fact]
    public async Task The_client_logs_calls_retries_and_failures_with_event_ids_and_never_a_secret_or_prompt()
    {
        const string Prompt = "a-private-prompt-7f3a";
        await using var emulator = await StartEmulatorAsync();
        var logs = new CapturingLoggerProvider();
        using var provider = Provider(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            services.AddWiro(Section(emulator));
        });
        var tool = provider.GetRequiredService<LtxVideoText2VideoClient>();
        var run = await tool.RunAsync(new LtxVideoText2VideoRequest { Prompt = Prompt });
        emulator.EnqueueFault(WiroFault.ServerError("/Task/Detail"));
        await provider.GetRequiredService<WiroClient>().GetTaskByIdAsync(run.TaskId);
        emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        await Assert.ThrowsAsync<WiroApiException>(() => tool.RunAsync(new LtxVideoText2VideoRequest { Prompt = Prompt }));

        var wiro = logs.Entries.Where(e => e.Category == "Wiro.Client").ToList();
        Assert.Contains(wiro, e => e.Level == LogLevel.Debug && e.EventId == 1 && e.Message.Contains("Task/Detail", StringComparison.Ordinal));
        Assert.Contains(wiro, e => e.Level == LogLevel.Warning && e.EventId == 2 && e.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(wiro, e => e.Level == LogLevel.Error && e.EventId == 4 && e.Message.Contains("Run wiroai/LTX-Video-Text2Video", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(TestEnvironment.Secret, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Prompt, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("x-signature", e.Message, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_websocket_that_cannot_connect_is_logged_as_a_polling_fallback()
    {
        await using var emulator = await StartEmulatorAsync();
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var logs = new CapturingLoggerProvider();
        using var provider = Provider(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
            services.AddWiro(Section(emulator, new Dictionary<string, string?>
            {
                ["Wiro:UseWebSocket"] = "true",
                ["Wiro:WebSocketAddress"] = $"ws://127.0.0.1:{port}/",
            }));
        });

        var result = await provider.GetRequiredService<LtxVideoText2VideoClient>().RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Contains(logs.Entries, e => e.Category == "Wiro.Client" && e.Level == LogLevel.Warning && e.EventId == 3
                                           && e.Message.Contains(result.Task.Id, StringComparison.Ordinal));
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

    private static IConfigurationSection Section(WiroEmulator emulator, Dictionary<string, string?>? overrides = null)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wiro:ApiKey"] = TestEnvironment.Key,
            ["Wiro:ApiSecret"] = TestEnvironment.Secret,
            ["Wiro:BaseAddress"] = emulator.BaseAddress.AbsoluteUri,
            ["Wiro:UseWebSocket"] = "false",
            ["Wiro:PollingInterval"] = "00:00:00.010",
            ["Wiro:MaxPollingInterval"] = "00:00:00.040",
        }).AddInMemoryCollection(overrides ?? []).Build().GetSection("Wiro");

    private sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries { get { lock (_entries) { return _entries.ToArray(); } } }

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception) + (exception is null ? "" : " " + exception);
                lock (owner._entries)
                {
                    owner._entries.Add(new LogEntry(category, logLevel, eventId.Id, message));
                }
            }
        }
    }

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
