using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>What a default generated request sends: the run's code compiled and loaded, <c>new {Tool}Request()</c> written by the core's JSON writer.</summary>
public static class DefaultRequestWire
{
    /// <summary>The wire JSON of the default request of the run's one tool.</summary>
    public static string Of(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("default-request", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var requestType = assembly.GetTypes().Single(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && t.BaseType?.Name == "WiroRequest");
            var request = Activator.CreateInstance(requestType)!;
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                var writerType = assembly.GetTypes().Single(t => t.Name == "JsonParameterWriter");
                var writer = Activator.CreateInstance(writerType, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, [json], null)!;
                requestType.GetMethod("WriteParameters", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(request, [writer]);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        finally
        {
            context.Unload();
        }
    }
}
