using System.Globalization;
using System.Text.Json;

namespace Wiro.Core.Tests;

/// <summary>How inputs go on the wire: a JSON object for URLs and values, multipart/form-data with local files.</summary>
public sealed class ParameterWriterTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public void Json_body_holds_every_kind_of_input_and_sends_unset_ones_empty()
    {
        using var content = PooledJsonContent.Create(0, static (json, _) =>
        {
            var writer = new JsonParameterWriter(json);
            writer.WriteString("prompt", "a \"quoted\" cat\n");
            writer.WriteString("absent", null);
            writer.WriteNumber("steps", 25L);
            writer.WriteNumber("guidance", 7.5);
            writer.WriteFile("inputImageUrl", WiroFile.FromUrl("https://example.com/a b.png"));
            writer.WriteFile("maskUrl", null);
            writer.WriteFiles("inputImages", ["https://example.com/1.png", new Uri("https://example.com/2.png")]);
            writer.WriteFiles("none", []);
            writer.WriteStringList("styles", ["anime", "noir"]);
            writer.WriteStringList("empty", []);
        });

        using var document = JsonDocument.Parse(content.WrittenMemory);
        var root = document.RootElement;
        Assert.Equal("a \"quoted\" cat\n", root.GetProperty("prompt").GetString());
        Assert.Equal(25, root.GetProperty("steps").GetInt64());
        Assert.Equal(7.5, root.GetProperty("guidance").GetDouble());
        Assert.Equal("https://example.com/a%20b.png", root.GetProperty("inputImageUrl").GetString());
        Assert.Equal(["https://example.com/1.png", "https://example.com/2.png"], root.GetProperty("inputImages").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("anime,noir", root.GetProperty("styles").GetString());
        // Wiro refuses a run that lacks one of the tool's keys; its own form sends an unset input as "".
        Assert.Equal(["prompt", "absent", "steps", "guidance", "inputImageUrl", "maskUrl", "inputImages", "none", "styles", "empty"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.All(new[] { "absent", "maskUrl", "none", "empty" }, name => Assert.Equal("", root.GetProperty(name).GetString()));
        Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
        Assert.Equal(content.WrittenMemory.Length, content.Headers.ContentLength);
    }

    [Fact]
    public void Json_body_grows_past_its_first_buffer()
    {
        var prompt = new string('x', 100_000);

        using var content = PooledJsonContent.Create(prompt, static (json, p) => json.WriteString("prompt", p));

        using var document = JsonDocument.Parse(content.WrittenMemory);
        Assert.Equal(prompt, document.RootElement.GetProperty("prompt").GetString());
    }

    [Fact]
    public void Json_body_refuses_local_content()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PooledJsonContent.Create(0, static (json, _) =>
            new JsonParameterWriter(json).WriteFile("inputImageUrl", WiroFile.FromBytes(Png, "a.png"))));

        Assert.Contains("local file", error.Message);

        // The failure must not leave the per-thread writer mid-object for the next body.
        using var next = PooledJsonContent.Create(0, static (json, _) => json.WriteString("ok", "yes"));
        Assert.Equal("""{"ok":"yes"}""", System.Text.Encoding.UTF8.GetString(next.WrittenMemory.Span));
    }

    [Fact]
    public async Task Multipart_sends_local_bytes_in_the_part_without_url_and_an_empty_url_field()
    {
        var parts = await WriteMultipart(writer =>
        {
            writer.WriteFile("inputImageUrl", WiroFile.FromBytes(Png, "cat.png", "image/png"));
            writer.WriteFile("maskUrl", "https://example.com/mask.png");
        });

        var file = Assert.Single(parts, p => p.Name == "inputImage");
        Assert.Equal("cat.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png, file.Bytes);
        Assert.Equal("", Assert.Single(parts, p => p.Name == "inputImageUrl").Text);
        Assert.Equal("https://example.com/mask.png", Assert.Single(parts, p => p.Name == "maskUrl").Text);
    }

    [Fact]
    public async Task Multipart_sends_every_unset_input_as_one_empty_field()
    {
        var parts = await WriteMultipart(writer =>
        {
            writer.WriteString("prompt", null);
            writer.WriteFile("maskUrl", null);
            writer.WriteFiles("inputImage", []);
            writer.WriteStringList("styles", null);
        });

        Assert.Equal(["prompt", "maskUrl", "inputImage", "styles"], parts.Select(p => p.Name));
        Assert.All(parts, part => Assert.Equal("", part.Text));
    }

    [Fact]
    public async Task Multipart_repeats_a_file_list_field_once_per_file()
    {
        using var stream = new MemoryStream(Png);
        var parts = await WriteMultipart(writer => writer.WriteFiles("inputImage", [
            WiroFile.FromStream(stream, "a.png"),
            WiroFile.FromBytes(Png, "b.png"),
            "https://example.com/c.png",
        ]));

        var fields = parts.Where(p => p.Name == "inputImage").ToList();
        Assert.Equal(3, fields.Count);
        Assert.Equal(["a.png", "b.png", null], fields.Select(p => p.FileName));
        Assert.Equal("https://example.com/c.png", fields[2].Text);
        Assert.Equal("application/octet-stream", fields[0].ContentType);
        Assert.True(stream.CanRead, "the caller's stream must stay open");
    }

    [Fact]
    public async Task Multipart_numbers_ignore_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var parts = await WriteMultipart(writer =>
            {
                writer.WriteNumber("guidance", 7.5);
                writer.WriteNumber("steps", -3L);
                writer.WriteStringList("styles", ["a", "b"]);
            });

            Assert.Equal("7.5", Assert.Single(parts, p => p.Name == "guidance").Text);
            Assert.Equal("-3", Assert.Single(parts, p => p.Name == "steps").Text);
            Assert.Equal("a,b", Assert.Single(parts, p => p.Name == "styles").Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Files_know_whether_they_are_local()
    {
        WiroFile fromString = "https://example.com/x.png";
        var path = Path.GetTempFileName();
        try
        {
            Assert.False(fromString.IsLocal);
            Assert.Equal(new Uri("https://example.com/x.png"), fromString.Url);
            Assert.True(WiroFile.FromPath(path).IsLocal);
            Assert.Equal(Path.GetFileName(path), WiroFile.FromPath(path).FileName);
            Assert.Throws<FileNotFoundException>(() => WiroFile.FromPath(path + ".missing"));
            Assert.Throws<UriFormatException>(() => WiroFile.FromUrl("not a url"));
            Assert.Throws<InvalidOperationException>(() => fromString.OpenRead());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<Part>> WriteMultipart(Action<WiroParameterWriter> write)
    {
        using var content = new MultipartFormDataContent();
        write(new MultipartParameterWriter(content));
        var parts = new List<Part>();
        foreach (var part in content)
        {
            var disposition = part.Headers.ContentDisposition!;
            var bytes = await part.ReadAsByteArrayAsync();
            parts.Add(new Part(
                disposition.Name!.Trim('"'),
                disposition.FileName?.Trim('"'),
                part.Headers.ContentType?.MediaType,
                bytes,
                System.Text.Encoding.UTF8.GetString(bytes)));
        }

        return parts;
    }

    private sealed record Part(string Name, string? FileName, string? ContentType, byte[] Bytes, string Text);
}
