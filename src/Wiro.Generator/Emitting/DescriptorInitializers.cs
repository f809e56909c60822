using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// The lines of an adapter descriptor's object initializer (<c>WiroChatDescriptor</c>, <c>WiroImageDescriptor</c>...):
/// input keys and select choices from the spec, every one through <see cref="Escape"/>.
/// </summary>
internal static class DescriptorInitializers
{
    /// <summary><c>Property = "key",</c> when the tool has an input for the role.</summary>
    public static void Role(SourceWriter writer, string property, string? key)
    {
        if (key is not null)
        {
            writer.WriteLine($"{property} = {Escape.StringLiteral(key)},");
        }
    }

    /// <summary><c>Property = new[] { "a", "b" },</c> when there are keys.</summary>
    public static void Keys(SourceWriter writer, string property, EquatableArray<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{property} = new string[]");
        writer.WriteLine("{");
        writer.Indentation++;
        foreach (var key in keys)
        {
            writer.WriteLine($"{Escape.StringLiteral(key)},");
        }

        writer.Indentation--;
        writer.WriteLine("},");
    }

    /// <summary><c>Property = new KeyValuePair&lt;string, string&gt;[] { (label, value)... },</c> when there are choices.</summary>
    public static void Choices(SourceWriter writer, string property, EquatableArray<InputChoice> choices)
    {
        if (choices.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{property} = new global::System.Collections.Generic.KeyValuePair<string, string>[]");
        writer.WriteLine("{");
        writer.Indentation++;
        foreach (var choice in choices)
        {
            writer.WriteLine($"new global::System.Collections.Generic.KeyValuePair<string, string>({Escape.StringLiteral(choice.Label)}, {Escape.StringLiteral(choice.Value)}),");
        }

        writer.Indentation--;
        writer.WriteLine("},");
    }

    /// <summary>
    /// An adapter method over an experimental abstraction, between <c>#pragma</c>s so the generated code itself raises
    /// no MEAI001, and carrying <c>[Experimental("MEAI001")]</c> as Microsoft.Extensions.AI's own methods do, so the
    /// warning meets whoever calls it (and no one else). Where the attribute does not exist, the returned interface
    /// still raises it at the caller's first use.
    /// </summary>
    public static void ExperimentalMethod(SourceWriter writer, EmitContext context, string method)
    {
        writer.WriteLine("#pragma warning disable MEAI001");
        if (context.Media?.ExperimentalAttribute == true)
        {
            writer.WriteLine("[global::System.Diagnostics.CodeAnalysis.Experimental(\"MEAI001\", UrlFormat = \"https://aka.ms/dotnet-extensions-warnings/{0}\")]");
        }

        writer.WriteLine(method);
        writer.WriteLine("#pragma warning restore MEAI001");
    }
}
