using Wiro.Generator.Pipeline;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes <c>AddWiro</c>, once per compilation that references the DI abstractions: options bound and validated at
/// start, one <c>WiroClient</c> over a factory <c>HttpClient</c> whose innermost handler signs each attempt (so a
/// user's retry handler never resends a Run), and every tool client. It lives in
/// <c>Microsoft.Extensions.DependencyInjection</c>, as the convention for <c>Add*</c> methods is, and adds no
/// per-tool type, so it claims no names.
/// </summary>
internal static class DependencyInjectionEmitter
{
    private const string Di = "global::Microsoft.Extensions.DependencyInjection.";
    private const string OptionsNs = "global::Microsoft.Extensions.Options.";

    public static string Emit(NameClaims claims, EmitContext context)
    {
        var options = context.Qualify("WiroClientOptions");
        var client = context.Qualify("WiroClient");
        var writer = GeneratedFile.Begin("Microsoft.Extensions.DependencyInjection");
        writer.Summary("Registers the Wiro client and every generated tool client with dependency injection.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line(context.Accessibility + " static class WiroServiceCollectionExtensions").OpenBlock();
        writer.Summary("The name of the <see cref=\"global::System.Net.Http.HttpClient\"/> the default registration uses; a named one uses this, a colon and its name.");
        writer.Line("public const string HttpClientName = \"Wiro\";");
        writer.Line();
        WriteOverload(writer, options, keyed: false, configuration: true);
        WriteOverload(writer, options, keyed: false, configuration: false);
        WriteOverload(writer, options, keyed: true, configuration: true);
        WriteOverload(writer, options, keyed: true, configuration: false);

        writer.Line("private static " + Di + "IHttpClientBuilder AddWiroClient(" + Di + "IServiceCollection services, string? name, global::System.Action<" + OptionsNs + "OptionsBuilder<" + options + ">> configure)").OpenBlock();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        writer.Line("var optionsName = name ?? " + OptionsNs + "Options.DefaultName;");
        writer.Line("var optionsBuilder = " + Di + "OptionsServiceCollectionExtensions.AddOptions<" + options + ">(services, optionsName);");
        writer.Line("configure(optionsBuilder);");
        writer.Line(Di + "OptionsBuilderExtensions.ValidateOnStart(optionsBuilder);");
        writer.Line(Di + "Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(services, " + Di + "ServiceDescriptor.Singleton<" + OptionsNs + "IValidateOptions<" + options + ">, OptionsValidator>());");
        writer.Line("var httpName = name is null ? HttpClientName : HttpClientName + \":\" + name;");
        writer.Line("// Signing is the innermost step, so every attempt any handler makes is signed afresh and a Run goes out once.");
        writer.Line("// Connections are recycled by the handler itself because the client is a singleton holding one HttpClient.");
        writer.Line("var http = " + Di + "HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, httpName);");
        writer.Line(Di + "HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(http, provider => new " + context.Qualify("WiroSigningHandler") + "(OptionsOf(provider, optionsName),");
        writer.Line("    new global::System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = global::System.TimeSpan.FromMinutes(2) }));");
        writer.Line(Di + "HttpClientBuilderExtensions.ConfigureHttpClient(http, (provider, httpClient) => httpClient.Timeout = OptionsOf(provider, optionsName).Timeout);");
        writer.Line("global::System.Func<global::System.IServiceProvider, " + client + "> create = provider => new " + client + "(");
        writer.Line("    " + Di + "ServiceProviderServiceExtensions.GetRequiredService<global::System.Net.Http.IHttpClientFactory>(provider).CreateClient(httpName),");
        writer.Line("    OptionsOf(provider, optionsName), signedByHandler: true)");
        writer.Line("{");
        writer.Line("    Log = " + Di + "ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Logging.ILoggerFactory>(provider) is { } loggers");
        writer.Line("        ? new Logger(loggers.CreateLogger(\"Wiro.Client\"))");
        writer.Line("        : null,");
        writer.Line("};");
        writer.Line("if (name is null)").OpenBlock();
        writer.Line(Di + "ServiceCollectionServiceExtensions.AddSingleton(services, create);");
        foreach (var naming in claims.Tools)
        {
            if (naming.Names is { } names)
            {
                var tool = context.Qualify(names.Client);
                writer.Line(Di + "ServiceCollectionServiceExtensions.AddSingleton(services, provider => new " + tool + "(" + Di + "ServiceProviderServiceExtensions.GetRequiredService<" + client + ">(provider)));");
            }
        }

        writer.CloseBlock();
        writer.Line("else").OpenBlock();
        writer.Line(Di + "ServiceCollectionServiceExtensions.AddKeyedSingleton(services, name, (provider, _) => create(provider));");
        foreach (var naming in claims.Tools)
        {
            if (naming.Names is { } names)
            {
                var tool = context.Qualify(names.Client);
                writer.Line(Di + "ServiceCollectionServiceExtensions.AddKeyedSingleton(services, name, (provider, key) => new " + tool + "(" + Di + "ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<" + client + ">(provider, key)));");
            }
        }

        writer.CloseBlock();
        writer.Line("return http;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("private static " + options + " OptionsOf(global::System.IServiceProvider provider, string name)");
        writer.Line("    => " + Di + "ServiceProviderServiceExtensions.GetRequiredService<" + OptionsNs + "IOptionsMonitor<" + options + ">>(provider).Get(name);");
        writer.Line();
        WriteLogger(writer, context);
        writer.Line("/// <summary>Runs the client's own checks when the host starts, so a missing <c>ApiKey</c> fails the start, naming it.</summary>");
        writer.Line("private sealed class OptionsValidator : " + OptionsNs + "IValidateOptions<" + options + ">").OpenBlock();
        writer.Line("public " + OptionsNs + "ValidateOptionsResult Validate(string? name, " + options + " options)").OpenBlock();
        writer.Line("try").OpenBlock();
        writer.Line("options.Validate();");
        writer.Line("return " + OptionsNs + "ValidateOptionsResult.Success;");
        writer.CloseBlock();
        writer.Line("catch (global::System.ArgumentException exception)").OpenBlock();
        writer.Line("return " + OptionsNs + "ValidateOptionsResult.Fail(exception.Message);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }

    /// <summary>The client's log over <c>ILogger</c>, with event ids; it receives names and counts only, never content.</summary>
    private static void WriteLogger(SourceWriter writer, EmitContext context)
    {
        const string L = "global::Microsoft.Extensions.Logging.";
        writer.Line("private sealed class Logger : " + context.Qualify("IWiroLog")).OpenBlock();
        writer.Line("private static readonly global::System.Action<" + L + "ILogger, string, int, global::System.Exception?> s_succeeded = " + L + "LoggerMessage.Define<string, int>(");
        writer.Line("    " + L + "LogLevel.Debug, new " + L + "EventId(1, \"WiroCall\"), \"Wiro {Operation} answered after {Attempts} attempt(s)\");");
        writer.Line("private static readonly global::System.Action<" + L + "ILogger, string, int, string, global::System.Exception?> s_retrying = " + L + "LoggerMessage.Define<string, int, string>(");
        writer.Line("    " + L + "LogLevel.Warning, new " + L + "EventId(2, \"WiroRetry\"), \"Wiro {Operation} is sent again after attempt {Attempt}: {Reason}\");");
        writer.Line("private static readonly global::System.Action<" + L + "ILogger, string, string, global::System.Exception?> s_fallback = " + L + "LoggerMessage.Define<string, string>(");
        writer.Line("    " + L + "LogLevel.Warning, new " + L + "EventId(3, \"WiroPollingFallback\"), \"Wiro task {TaskId} is polled: the WebSocket failed ({Reason})\");");
        writer.Line("private static readonly global::System.Action<" + L + "ILogger, string, string, int?, global::System.Exception?> s_failed = " + L + "LoggerMessage.Define<string, string, int?>(");
        writer.Line("    " + L + "LogLevel.Error, new " + L + "EventId(4, \"WiroCallFailed\"), \"Wiro {Operation} failed: {ErrorType} (HTTP {HttpStatus})\");");
        writer.Line("private readonly " + L + "ILogger _logger;");
        writer.Line();
        writer.Line("public Logger(" + L + "ILogger logger) => _logger = logger;");
        writer.Line();
        writer.Line("public void CallSucceeded(string operation, int attempts) => s_succeeded(_logger, operation, attempts, null);");
        writer.Line();
        writer.Line("public void Retrying(string operation, int attempt, string reason) => s_retrying(_logger, operation, attempt, reason, null);");
        writer.Line();
        writer.Line("public void FallingBackToPolling(string taskId, string reason) => s_fallback(_logger, taskId, reason, null);");
        writer.Line();
        writer.Line("public void CallFailed(string operation, string errorType, int? httpStatus) => s_failed(_logger, operation, errorType, httpStatus, null);");
        writer.CloseBlock();
        writer.Line();
    }

    private static void WriteOverload(SourceWriter writer, string options, bool keyed, bool configuration)
    {
        var what = configuration ? "bound from <paramref name=\"configuration\"/>" : "set by <paramref name=\"configure\"/>";
        writer.Summary(keyed
            ? "Registers a Wiro project under the key <paramref name=\"name\"/> (resolve it with <c>[FromKeyedServices(name)]</c>), its options " + what + "."
            : "Registers the Wiro client and every tool client, with options " + what + ", validated when the host starts.");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        if (keyed)
        {
            writer.Line("/// <param name=\"name\">The key of this project's client, tool clients and options.</param>");
        }

        writer.Line(configuration
            ? "/// <param name=\"configuration\">A configuration section holding <c>WiroClientOptions</c> (<c>ApiKey</c>, <c>ApiSecret</c>, ...).</param>"
            : "/// <param name=\"configure\">Sets the options.</param>");
        writer.Line("/// <returns>The builder of the client's <see cref=\"global::System.Net.Http.HttpClient\"/>, to add handlers (a retry handler never resends a Run).</returns>");
        var parameters = "this " + Di + "IServiceCollection services, " + (keyed ? "string name, " : "")
                         + (configuration ? "global::Microsoft.Extensions.Configuration.IConfiguration configuration" : "global::System.Action<" + options + "> configure");
        if (configuration)
        {
            // Configuration binding reflects over the options (as the BCL marks it): callers that trim or publish
            // NativeAOT see the warning at their call, or use the delegate overload, which binds nothing.
            writer.Line("[global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(\"Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate when trimming.\")]");
            writer.Line("[global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode(\"Binds WiroClientOptions from configuration by reflection; use the overload taking a delegate with NativeAOT.\")]");
        }

        writer.Line("public static " + Di + "IHttpClientBuilder AddWiro(" + parameters + ")").OpenBlock();
        if (keyed)
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(name);");
        }

        writer.Line(configuration ? "global::System.ArgumentNullException.ThrowIfNull(configuration);" : "global::System.ArgumentNullException.ThrowIfNull(configure);");
        writer.Line("return AddWiroClient(services, " + (keyed ? "name" : "null") + ", builder => "
                    + (configuration ? Di + "OptionsBuilderConfigurationExtensions.Bind(builder, configuration)" : "builder.Configure(configure)") + ");");
        writer.CloseBlock();
        writer.Line();
    }
}
