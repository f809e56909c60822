namespace Wiro.Core.Tests;

/// <summary>File inputs: URLs go as they are in JSON, local content travels as multipart; uploads return a URL.</summary>
public sealed class FileTests
{
    private static readonly byte[] Content = [1, 2, 3, 4, 5];

    [Fact]
    public async Task Url_files_are_sent_in_json()
    {
        await using var env = await TestEnvironment.StartAsync();
        var request = new FileRequest { Image = "https://example.com/cat.png", Images = [WiroFile.FromUrl("https://example.com/a.png"), "https://example.com/b.png"] };

        await env.Client.RunAsync("acme", "files", request);

        var run = env.Emulator.Requests.Single();
        Assert.StartsWith("application/json", run.ContentType);
        Assert.Equal("https://example.com/cat.png", run.Fields["inputImageUrl"].Single());
        Assert.Equal(["https://example.com/a.png", "https://example.com/b.png"], run.Fields["inputImages"]);
        Assert.Equal("a,b", run.Fields["styles"].Single());
    }

    [Fact]
    public async Task Local_files_travel_as_multipart()
    {
        await using var env = await TestEnvironment.StartAsync();
        var request = new FileRequest
        {
            Image = WiroFile.FromBytes(Content, "cat.png", "image/png"),
            Images = [WiroFile.FromStream(new MemoryStream(Content), "a.png"), "https://example.com/b.png"],
            CallbackUrl = "https://example.com/hook",
        };

        await env.Client.RunAsync("acme", "files", request);

        var run = env.Emulator.Requests.Single();
        Assert.StartsWith("multipart/form-data", run.ContentType);
        Assert.Equal("", run.Fields["inputImageUrl"].Single());
        Assert.Contains(run.Files, f => f.Field == "inputImage" && f.FileName == "cat.png" && f.Length == Content.Length);
        Assert.Contains(run.Files, f => f.Field == "inputImages" && f.FileName == "a.png");
        Assert.Equal("https://example.com/b.png", run.Fields["inputImages"].Single());
        Assert.Equal("https://example.com/hook", run.Fields["callbackUrl"].Single());
    }

    [Fact]
    public async Task Upload_returns_a_url_that_serves_the_content()
    {
        await using var env = await TestEnvironment.StartAsync();

        var url = await env.Client.UploadFileAsync(WiroFile.FromBytes(Content, "data.bin"));

        using var http = new HttpClient();
        Assert.Equal(Content, await http.GetByteArrayAsync(url));
    }

    /// <summary>A hand-written request with the file shapes the generator emits.</summary>
    private sealed record FileRequest : WiroRequest
    {
        public WiroFile? Image { get; set; }

        public IReadOnlyList<WiroFile> Images { get; set; } = [];

        public IReadOnlyList<string> Styles { get; set; } = ["a", "b"];

        protected internal override bool HasLocalFiles => (Image?.IsLocal ?? false) || Images.Any(file => file.IsLocal);

        protected internal override void WriteParameters(WiroParameterWriter writer)
        {
            writer.WriteFile("inputImageUrl", Image);
            writer.WriteFiles("inputImages", Images);
            writer.WriteStringList("styles", Styles);
        }
    }
}
