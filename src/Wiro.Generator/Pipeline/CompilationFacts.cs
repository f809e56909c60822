using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Specs;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// The little the generator needs from the compilation, reduced to values so it caches: whether a referenced
/// assembly already carries the client core (then it is reused, not emitted again: no CS0436), which names that
/// assembly already takes, and which assemblies carry a core when more than one does.
/// </summary>
/// <param name="ReferencedNames">Type names in the namespace and <c>WiroClient</c> members of the referenced core:
/// this project's tools must not take them.</param>
/// <param name="CoreOwners">The assemblies that carry an accessible core in the namespace, by name, when two or more do.</param>
/// <param name="HasDependencyInjection">True when the compilation references the DI, options-binding and
/// HttpClientFactory abstractions <c>AddWiro</c> is written against (an ASP.NET Core or Worker project does).</param>
/// <param name="HasAIAbstractions">True when the compilation references <c>Microsoft.Extensions.AI.Abstractions</c>
/// with the types the core's AI part uses (<c>AIFunction</c>, <c>ApprovalRequiredAIFunction</c>, <c>IChatClient</c>, the contents).</param>
/// <param name="Media">Which of the experimental image and speech abstractions it references.</param>
/// <param name="MissingAITypes">When the compilation references <c>Microsoft.Extensions.AI.Abstractions</c> without some
/// of those types (an older version), their names; else empty.</param>
public sealed record CompilationFacts(
    bool CoreIsReferenced,
    bool ReferencedCoreIsPublic,
    bool ReferencedCoreGrantsInternals,
    EquatableArray<string> ReferencedNames,
    EquatableArray<string> CoreOwners,
    bool HasDependencyInjection,
    bool HasAIAbstractions = false,
    MediaAbstractions? Media = null,
    EquatableArray<string> MissingAITypes = default)
{
    private const string AIAbstractionsAssembly = "Microsoft.Extensions.AI.Abstractions";

    // What each media adapter of the core uses beyond the AI part's types; the abstractions arrived in different versions.
    private static readonly string[] ImageGeneratorTypes =
    {
        "Microsoft.Extensions.AI.IImageGenerator",
        "Microsoft.Extensions.AI.ImageGenerationResponseFormat",
        "Microsoft.Extensions.AI.ImageGeneratorMetadata",
    };

    private static readonly string[] SpeechToTextTypes =
    {
        "Microsoft.Extensions.AI.ISpeechToTextClient",
        "Microsoft.Extensions.AI.SpeechToTextClientMetadata",
        "Microsoft.Extensions.AI.SpeechToTextResponseUpdate",
    };

    private static readonly string[] TextToSpeechTypes =
    {
        "Microsoft.Extensions.AI.ITextToSpeechClient",
        "Microsoft.Extensions.AI.TextToSpeechClientMetadata",
        "Microsoft.Extensions.AI.TextToSpeechResponseUpdate",
    };

    // The types CoreAI/*.cs uses; ApprovalRequiredAIFunction is the newest of them (an older package gets nothing).
    private static readonly string[] AIAbstractionsTypes =
    {
        "Microsoft.Extensions.AI.AIFunction",
        "Microsoft.Extensions.AI.AIFunctionArguments",
        "Microsoft.Extensions.AI.ApprovalRequiredAIFunction",
        "Microsoft.Extensions.AI.ErrorContent",
        "Microsoft.Extensions.AI.UriContent",
        "Microsoft.Extensions.AI.TextContent",
        "Microsoft.Extensions.AI.IChatClient",
        "Microsoft.Extensions.AI.ChatClientMetadata",
        "Microsoft.Extensions.AI.ChatResponseExtensions",
        "Microsoft.Extensions.AI.TextReasoningContent",
        "Microsoft.Extensions.AI.ReasoningOptions",
    };

    // One type from each package the generated AddWiro uses; keyed services (FromKeyedServices) need version 8.
    private static readonly string[] DependencyInjectionTypes =
    {
        "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute",
        "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions",
        "Microsoft.Extensions.DependencyInjection.OptionsBuilderExtensions",
        "Microsoft.Extensions.Configuration.IConfiguration",
        "Microsoft.Extensions.Logging.LoggerMessage",
    };

    public static CompilationFacts Read(Compilation compilation, string ns)
    {
        var hasDependencyInjection = true;
        foreach (var name in DependencyInjectionTypes)
        {
            hasDependencyInjection &= compilation.GetTypeByMetadataName(name) is not null;
        }

        var hasAI = HasAll(compilation, AIAbstractionsTypes);
        var missingAI = hasAI ? EquatableArray<string>.Empty : MissingAIAbstractions(compilation);
        var media = hasAI
            ? new MediaAbstractions(
                HasAll(compilation, ImageGeneratorTypes),
                HasAll(compilation, SpeechToTextTypes),
                HasAll(compilation, TextToSpeechTypes),
                compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.ExperimentalAttribute") is not null)
            : MediaAbstractions.None;

        var metadataName = ns + ".WiroClient";
        var owners = new List<(IAssemblySymbol Assembly, INamedTypeSymbol Client)>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var type = assembly.GetTypeByMetadataName(metadataName);
            if (type is not null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                owners.Add((assembly, type));
            }
        }

        if (owners.Count == 0)
        {
            return new CompilationFacts(false, false, false, EquatableArray<string>.Empty, EquatableArray<string>.Empty, hasDependencyInjection, hasAI, media, missingAI);
        }

        var (owner, client) = owners[0];
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var type in client.ContainingNamespace.GetTypeMembers())
        {
            names.Add(type.Name);
        }

        foreach (var member in client.GetMembers())
        {
            names.Add(member.Name);
        }

        var ownerNames = new List<string>();
        if (owners.Count > 1)
        {
            foreach (var (assembly, _) in owners)
            {
                ownerNames.Add(assembly.Name);
            }
        }

        return new CompilationFacts(
            CoreIsReferenced: true,
            ReferencedCoreIsPublic: client.DeclaredAccessibility == Accessibility.Public,
            ReferencedCoreGrantsInternals: owner.GivesAccessTo(compilation.Assembly),
            names.ToEquatableArray(),
            ownerNames.ToEquatableArray(),
            hasDependencyInjection,
            hasAI,
            media,
            missingAI);
    }

    /// <summary>The AI part's types an older <c>Microsoft.Extensions.AI.Abstractions</c> lacks; empty when it is not referenced or has them all.</summary>
    private static EquatableArray<string> MissingAIAbstractions(Compilation compilation)
    {
        var referenced = false;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            referenced |= assembly.Name == AIAbstractionsAssembly;
        }

        if (!referenced)
        {
            return EquatableArray<string>.Empty;
        }

        var missing = new List<string>();
        foreach (var name in AIAbstractionsTypes)
        {
            if (compilation.GetTypeByMetadataName(name) is null)
            {
                missing.Add(name.Substring(name.LastIndexOf('.') + 1));
            }
        }

        return missing.ToEquatableArray();
    }

    private static bool HasAll(Compilation compilation, string[] names)
    {
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Extension properties arrived in C# 14.</summary>
    public static bool SupportsExtensionProperties(ParseOptions options)
        => options is CSharpParseOptions csharp && (int)csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() >= 1400;
}
