using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Corpus.Tests;

/// <summary>
/// A default request sends exactly the keys of the page's own example run (the <c>-d '{...}'</c> body of its "Run
/// Command" section), <c>callbackUrl</c> aside: Wiro refuses a run that lacks a key, and its form sends unset ones empty.
/// </summary>
public sealed class ExampleBodyTests
{
    public static IEnumerable<object[]> CompletePages => Corpus.Pages.Select(p => new object[] { "pages", p[0] })
        .Concat(Corpus.Seeds.Select(p => new object[] { "seed", p[0] }));

    [Theory]
    [MemberData(nameof(CompletePages))]
    public void A_default_request_sends_the_keys_of_the_pages_example_run(string folder, string name)
    {
        var path = Path.Combine(Corpus.SpecsRoot, folder, name);
        var text = File.ReadAllText(path);
        var expected = ExampleKeys(text).Where(key => key != "callbackUrl").ToList();
        Assert.NotEmpty(expected);

        var run = GeneratorHarness.Run([new SpecInput(path, text, new Dictionary<string, string> { ["WiroSpec"] = "true" })]);
        var sent = DefaultRequestKeys(run);

        Assert.Equal(expected, sent);
    }

    /// <summary>The keys of the JSON body after <c>-d '</c> in the page's Run command, in page order.</summary>
    private static List<string> ExampleKeys(string page)
    {
        var section = page[page.IndexOf("Run Command - Make HTTP Post Request", StringComparison.Ordinal)..];
        var body = Regex.Match(section, @"-d '(\{.*?\})'", RegexOptions.Singleline);
        Assert.True(body.Success, "no example body in the Run command section");
        using var document = JsonDocument.Parse(body.Groups[1].Value);
        return document.RootElement.EnumerateObject().Select(property => property.Name).ToList();
    }

    /// <summary>Compiles the generated code, builds the tool's request with its defaults and writes it as the core does.</summary>
    private static List<string> DefaultRequestKeys(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("example-body", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var requestType = assembly.GetTypes().Single(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && t.BaseType?.Name == "WiroRequest");
            var request = Activator.CreateInstance(requestType)!;

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                var writer = Activator.CreateInstance(assembly.GetType("Wiro.JsonParameterWriter", throwOnError: true)!,
                    BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, [json], null)!;
                requestType.GetMethod("WriteParameters", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(request, [writer]);
                json.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        }
        finally
        {
            context.Unload();
        }
    }
}
