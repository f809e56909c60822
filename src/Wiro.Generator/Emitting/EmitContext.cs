using Wiro.Generator.Pipeline;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>What every emitter needs to know about the compilation it writes for.</summary>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="OverrideModifier">The modifiers that override a <c>WiroRequest</c> member from where the core lives.</param>
/// <param name="CoreIsReferenced">True when the client core comes from a referenced assembly, so tools reach
/// <c>WiroClient</c> through extension members instead of a partial class.</param>
/// <param name="SupportsExtensionProperties">True when the language version has extension properties (C# 14).</param>
/// <param name="EmitCore">False when the project compiles the core's files itself (<c>WiroEmitCore=false</c>).</param>
/// <param name="AmbiguousCoreOwners">The referenced assemblies that each carry a core in the namespace, when two or
/// more do: nothing is generated then, since every use of the core would be ambiguous (CS0433).</param>
/// <param name="EmitDependencyInjection">True when <c>AddWiro</c> is written: the compilation references the DI
/// abstractions and holds the core itself (a referenced core's project has its own <c>AddWiro</c>). Its fixed part
/// then goes out with the core (when <see cref="EmitCore"/>), its tool registrations whenever there is a tool.</param>
/// <param name="EmitAIFunctions">True when AI functions are written: the compilation references
/// Microsoft.Extensions.AI.Abstractions and holds the core itself. The core's AI part (<c>CoreAI/</c>) then goes out
/// with the core (when <see cref="EmitCore"/>), each tool's <c>AsAIFunction</c> in its file, and the tools of
/// <c>WiroClient.AsAIFunctions</c> whenever there is a tool.</param>
/// <param name="Media">Which of Microsoft.Extensions.AI's experimental image and speech abstractions the compilation
/// has: with <see cref="EmitAIFunctions"/>, each tool of that kind gets its adapter and the core its part for it.</param>
/// <param name="MissingAITypes">The AI part's types a referenced, older Microsoft.Extensions.AI.Abstractions lacks, when
/// the adapters would otherwise be written (WIRO022); else empty.</param>
public sealed record EmitContext(
    string Namespace,
    string Accessibility,
    string OverrideModifier,
    bool CoreIsReferenced,
    bool SupportsExtensionProperties,
    bool EmitCore,
    EquatableArray<string> AmbiguousCoreOwners,
    bool EmitDependencyInjection,
    bool EmitAIFunctions = false,
    MediaAbstractions? Media = null,
    EquatableArray<string> MissingAITypes = default)
{
    /// <summary>The adapters of <paramref name="adapters"/> this compilation can have: the chat client with the AI functions, the others with their abstractions.</summary>
    public AdapterPlans Supported(AdapterPlans adapters)
    {
        var media = EmitAIFunctions ? Media ?? MediaAbstractions.None : MediaAbstractions.None;
        return new AdapterPlans(
            EmitAIFunctions ? adapters.Chat : null,
            media.ImageGenerator ? adapters.Image : null,
            media.SpeechToText ? adapters.SpeechToText : null,
            media.TextToSpeech ? adapters.TextToSpeech : null);
    }

    /// <summary>
    /// The fully qualified name of a generated or core type. Generated code names every type this way, so no member a
    /// spec creates (a property called <c>WiroFile</c>, say) can stand in for a type.
    /// </summary>
    public string Qualify(string typeName) => "global::" + Namespace + "." + typeName;
}
