using System.Collections.Generic;
using Wiro.Generator.Pipeline;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes the part of <c>AddWiro</c> that depends on the specs: one registration per tool client, over the
/// <c>WiroClient</c> of the same key. The rest of <c>AddWiro</c> is fixed C#, emitted with the core from
/// <c>CoreDependencyInjection/</c>; it calls the partial method written here. It adds no per-tool type, so it
/// claims no names.
/// </summary>
internal static class DependencyInjectionEmitter
{
    /// <summary>True when there is a tool to register; without one, the partial method is left unwritten.</summary>
    public static bool HasTools(NameClaims claims)
    {
        foreach (var naming in claims.Tools)
        {
            if (naming.Names is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static string Emit(NameClaims claims, EmitContext context)
    {
        const string Services = "global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
        var client = context.Qualify("WiroClient");
        var writer = GeneratedFile.Begin("Microsoft.Extensions.DependencyInjection");
        writer.WriteLine("""
            static partial class WiroServiceCollectionExtensions
            {
                static partial void AddToolClients(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string? name)
                {
                    if (name is null)
                    {
            """);
        writer.Indentation += 3;
        foreach (var tool in ToolClients(claims, context))
        {
            writer.WriteLine($"{Services}.AddSingleton(services, provider => new {tool}(global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{client}>(provider)));");
        }

        writer.Indentation--;
        writer.WriteLine("""
            }
            else
            {
            """);
        writer.Indentation++;
        foreach (var tool in ToolClients(claims, context))
        {
            writer.WriteLine($"{Services}.AddKeyedSingleton(services, name, (provider, key) => new {tool}(global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<{client}>(provider, key)));");
        }

        writer.Indentation -= 3;
        writer.WriteLine("""
                    }
                }
            }
            """);
        return GeneratedFile.End(writer);
    }

    private static IEnumerable<string> ToolClients(NameClaims claims, EmitContext context)
    {
        foreach (var naming in claims.Tools)
        {
            if (naming.Names is { } names)
            {
                yield return context.Qualify(names.Client);
            }
        }
    }
}
