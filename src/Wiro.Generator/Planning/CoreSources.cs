using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace Wiro.Generator.Planning;

/// <summary>The client core's source files, embedded in this assembly from <c>Core/*.cs</c>.</summary>
internal static class CoreSources
{
    private const string ResourcePrefix = "Wiro.Core.";

    /// <summary>Every core file as (file name, text), in resource order.</summary>
    public static IEnumerable<(string FileName, string Text)> Read()
    {
        var assembly = typeof(CoreSources).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, System.StringComparison.Ordinal))
            {
                yield return (resource.Substring(ResourcePrefix.Length), ReadResource(assembly, resource));
            }
        }
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
