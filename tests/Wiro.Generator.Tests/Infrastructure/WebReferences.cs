using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>
/// The DI, options-binding, HttpClientFactory and logging abstractions a web project references, which make the
/// generator write <c>AddWiro</c>. The ASP.NET Core shared framework (through the emulator) is loaded in the test
/// process: its assemblies stand in for a web project's references.
/// </summary>
public static class WebReferences
{
    public static readonly MetadataReference[] All =
    [
        .. new[]
        {
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions),
            typeof(Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions),
            typeof(Microsoft.Extensions.Options.OptionsBuilder<>),
            typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.Configuration.ConfigurationBinder),
            typeof(Microsoft.Extensions.Logging.LoggerMessage),
        }.Select(type => type.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
    ];

    /// <summary>A consumer compilation with the abstractions referenced.</summary>
    public static CSharpCompilation Compilation()
        => GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(All);
}
