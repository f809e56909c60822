#nullable enable
namespace Microsoft.Extensions.DependencyInjection;

// The fixed part of AddWiro: emitted with the core, but only into compilations that reference the DI, options
// binding, HttpClientFactory and logging abstractions it is written against (a console app could not compile it).
// The part that depends on the specs, one registration per tool client, is generated beside it (AddToolClients).
// It names every type with global:: because it lives in this namespace, not the core's: nothing a project declares
// can stand in for one. Core types are named in the core's namespace, which the generator replaces with the project's.

/// <summary>Registers the Wiro client and every generated tool client with dependency injection.</summary>
public static partial class WiroServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="global::System.Net.Http.HttpClient"/> the default registration uses; a named one uses this, a colon and its name.</summary>
    public const string HttpClientName = "Wiro";

    // Configuration binding reflects over the options (as the BCL marks it): callers that trim or publish NativeAOT
    // see the warning at their call, or use the delegate overload, which binds nothing.

    /// <summary>Registers the Wiro client and every tool client, with options bound from <paramref name="configuration"/>, validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A configuration section holding <c>WiroClientOptions</c> (<c>ApiKey</c>, <c>ApiSecret</c>, ...).</param>
    /// <returns>The builder of the client's <see cref="global::System.Net.Http.HttpClient"/>, to add handlers (a retry handler never resends a Run).</returns>
    [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate when trimming.")]
    [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate with NativeAOT.")]
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddWiro(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        global::System.ArgumentNullException.ThrowIfNull(configuration);
        return AddWiroClient(services, null, builder => global::Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions.Bind(builder, configuration));
    }

    /// <summary>Registers the Wiro client and every tool client, with options set by <paramref name="configure"/>, validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="global::System.Net.Http.HttpClient"/>, to add handlers (a retry handler never resends a Run).</returns>
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddWiro(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::Wiro.WiroClientOptions> configure)
    {
        global::System.ArgumentNullException.ThrowIfNull(configure);
        return AddWiroClient(services, null, builder => builder.Configure(configure));
    }

    /// <summary>Registers a Wiro project under the key <paramref name="name"/> (resolve it with <c>[FromKeyedServices(name)]</c>), its options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of this project's client, tool clients and options.</param>
    /// <param name="configuration">A configuration section holding <c>WiroClientOptions</c> (<c>ApiKey</c>, <c>ApiSecret</c>, ...).</param>
    /// <returns>The builder of the client's <see cref="global::System.Net.Http.HttpClient"/>, to add handlers (a retry handler never resends a Run).</returns>
    [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate when trimming.")]
    [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate with NativeAOT.")]
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddWiro(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name, global::Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        global::System.ArgumentNullException.ThrowIfNull(name);
        global::System.ArgumentNullException.ThrowIfNull(configuration);
        return AddWiroClient(services, name, builder => global::Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions.Bind(builder, configuration));
    }

    /// <summary>Registers a Wiro project under the key <paramref name="name"/> (resolve it with <c>[FromKeyedServices(name)]</c>), its options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of this project's client, tool clients and options.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="global::System.Net.Http.HttpClient"/>, to add handlers (a retry handler never resends a Run).</returns>
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddWiro(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name, global::System.Action<global::Wiro.WiroClientOptions> configure)
    {
        global::System.ArgumentNullException.ThrowIfNull(name);
        global::System.ArgumentNullException.ThrowIfNull(configure);
        return AddWiroClient(services, name, builder => builder.Configure(configure));
    }

    private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddWiroClient(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string? name, global::System.Action<global::Microsoft.Extensions.Options.OptionsBuilder<global::Wiro.WiroClientOptions>> configure)
    {
        global::System.ArgumentNullException.ThrowIfNull(services);
        var optionsName = name ?? global::Microsoft.Extensions.Options.Options.DefaultName;
        var optionsBuilder = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<global::Wiro.WiroClientOptions>(services, optionsName);
        configure(optionsBuilder);
        global::Microsoft.Extensions.DependencyInjection.OptionsBuilderExtensions.ValidateOnStart(optionsBuilder);
        global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(services, global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<global::Microsoft.Extensions.Options.IValidateOptions<global::Wiro.WiroClientOptions>, OptionsValidator>());
        var httpName = name is null ? HttpClientName : HttpClientName + ":" + name;
        // Signing is the innermost step, so every attempt any handler makes is signed afresh and a Run goes out once.
        // The core's one handler (no redirects; connections recycled, since the client is a singleton holding one HttpClient).
        var http = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, httpName);
        global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(http, provider => new global::Wiro.WiroSigningHandler(OptionsOf(provider, optionsName), global::Wiro.WiroHttp.CreateHandler()));
        global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(http, (provider, httpClient) => httpClient.Timeout = OptionsOf(provider, optionsName).Timeout);
        global::System.Func<global::System.IServiceProvider, global::Wiro.WiroClient> create = provider => new global::Wiro.WiroClient(
            global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::System.Net.Http.IHttpClientFactory>(provider).CreateClient(httpName),
            OptionsOf(provider, optionsName), signedByHandler: true)
        {
            Log = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Logging.ILoggerFactory>(provider) is { } loggers
                ? new Logger(loggers.CreateLogger("Wiro.Client"))
                : null,
        };
        if (name is null)
        {
            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, create);
        }
        else
        {
            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddKeyedSingleton(services, name, (provider, _) => create(provider));
        }

        AddToolClients(services, name);
        return http;
    }

    /// <summary>
    /// Registers every tool client over the <see cref="global::Wiro.WiroClient"/> registered under <paramref name="name"/>
    /// (keyed by it when it is not null). Written by the generator from this project's specs; without specs it is
    /// not written, and the call compiles to nothing.
    /// </summary>
    static partial void AddToolClients(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string? name);

    private static global::Wiro.WiroClientOptions OptionsOf(global::System.IServiceProvider provider, string name)
        => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptionsMonitor<global::Wiro.WiroClientOptions>>(provider).Get(name);

    /// <summary>The client's log over <c>ILogger</c>, with event ids; it receives names and counts only, never content.</summary>
    private sealed class Logger : global::Wiro.IWiroLog
    {
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, int, global::System.Exception?> s_succeeded = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, int>(
            global::Microsoft.Extensions.Logging.LogLevel.Debug, new global::Microsoft.Extensions.Logging.EventId(1, "WiroCall"), "Wiro {Operation} answered after {Attempts} attempt(s)");
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, int, string, global::System.Exception?> s_retrying = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, int, string>(
            global::Microsoft.Extensions.Logging.LogLevel.Warning, new global::Microsoft.Extensions.Logging.EventId(2, "WiroRetry"), "Wiro {Operation} is sent again after attempt {Attempt}: {Reason}");
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, global::System.Exception?> s_fallback = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string>(
            global::Microsoft.Extensions.Logging.LogLevel.Warning, new global::Microsoft.Extensions.Logging.EventId(3, "WiroPollingFallback"), "Wiro task {TaskId} is polled: the WebSocket failed ({Reason})");
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, int?, global::System.Exception?> s_failed = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string, int?>(
            global::Microsoft.Extensions.Logging.LogLevel.Error, new global::Microsoft.Extensions.Logging.EventId(4, "WiroCallFailed"), "Wiro {Operation} failed: {ErrorType} (HTTP {HttpStatus})");
        private readonly global::Microsoft.Extensions.Logging.ILogger _logger;

        public Logger(global::Microsoft.Extensions.Logging.ILogger logger) => _logger = logger;

        public void CallSucceeded(string operation, int attempts) => s_succeeded(_logger, operation, attempts, null);

        public void Retrying(string operation, int attempt, string reason) => s_retrying(_logger, operation, attempt, reason, null);

        public void FallingBackToPolling(string taskId, string reason) => s_fallback(_logger, taskId, reason, null);

        public void CallFailed(string operation, string errorType, int? httpStatus) => s_failed(_logger, operation, errorType, httpStatus, null);
    }

    /// <summary>Runs the client's own checks when the host starts, so a missing <c>ApiKey</c> fails the start, naming it.</summary>
    private sealed class OptionsValidator : global::Microsoft.Extensions.Options.IValidateOptions<global::Wiro.WiroClientOptions>
    {
        public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, global::Wiro.WiroClientOptions options)
        {
            try
            {
                options.Validate();
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Success;
            }
            catch (global::System.ArgumentException exception)
            {
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(exception.Message);
            }
        }
    }
}
