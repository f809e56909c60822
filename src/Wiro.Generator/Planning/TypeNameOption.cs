using Wiro.Specs;

namespace Wiro.Generator.Planning;

/// <summary>Checks a <c>WiroTypeName</c> value before it becomes a tool's stem.</summary>
internal static class TypeNameOption
{
    /// <summary>Why <paramref name="typeName"/> cannot be a stem, or null when it can.</summary>
    public static string? Problem(string typeName)
    {
        if (!Identifier.IsValid(typeName))
        {
            return "it is not a valid C# identifier";
        }

        // A stem becomes a WiroClient member; one the core uses would hide what the core means by it.
        return CoreVocabulary.Uses(typeName) ? "the client core uses that name" : null;
    }
}
