#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.
using System.Diagnostics;
using System.Drawing;
using Microsoft.Extensions.AI;
using Wiro.Emulator;
using Wiro.Specs;

namespace Wiro.Core.Tests;

/// <summary>
/// <see cref="WiroImageGenerator"/> against the emulator's image tools over real sockets: the prompt, images, size,
/// count and format go to the inputs the spec layer planned; the images come back as links or bytes; what a tool cannot
/// take is traced; a failed task is a typed exception.
/// </summary>
public sealed class ImageGeneratorTests
{
    private static readonly string[] Specs =
        [Path.Combine(AppContext.BaseDirectory, "acme-image.wiro.md"), Path.Combine(AppContext.BaseDirectory, "acme-ratio.wiro.md")];

    [Fact]
    public async Task Prompt_count_size_and_format_go_to_their_inputs_and_as_many_images_come_back_as_links()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Image.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a koala", new ImageGenerationOptions
        {
            Count = 3,
            ImageSize = new Size(640, 480),
            MediaType = "image/jpeg",
            AdditionalProperties = new() { ["negativePrompt"] = "rain" },
        });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/image");
        Assert.Equal(["a koala"], run.Fields["prompt"]);
        Assert.Equal(["3"], run.Fields["samples"]);
        Assert.Equal(["640"], run.Fields["width"]);
        Assert.Equal(["480"], run.Fields["height"]);
        Assert.Equal(["jpeg"], run.Fields["outputFormat"]);
        Assert.Equal(["rain"], run.Fields["negativePrompt"]);

        var result = Assert.IsType<WiroTaskResult>(response.RawRepresentation);
        Assert.Equal(3, response.Contents.Count);
        using var http = new HttpClient();
        foreach (var (content, output) in response.Contents.Zip(result.Outputs))
        {
            var link = Assert.IsType<UriContent>(content);
            Assert.Equal("image/png", link.MediaType);
            Assert.Same(output, link.RawRepresentation);
            Assert.Equal(output.Url, link.Uri);
            Assert.Equal(TinyPngBytes(), await http.GetByteArrayAsync(link.Uri));
        }

        Assert.Equal(["0.png", "1.png", "2.png"], result.Outputs.Select(o => o.Name));
    }

    [Fact]
    public async Task Original_images_go_to_the_image_inputs_in_order_by_url_or_uploaded_and_the_rest_is_traced()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Image.AsIImageGenerator();
        var png = TinyPngBytes();
        using var traced = new TracedCall();

        await generator.GenerateAsync(new ImageGenerationRequest("swap them",
        [
            new UriContent("https://example.com/a.png", "image/png"),
            new DataContent(png, "image/png"),
            new UriContent("https://example.com/c.png", "image/png"),
            new TextContent("not an image"),
        ]));

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/image");
        Assert.Equal(["https://example.com/a.png"], run.Fields["inputImageUrl"]);
        var upload = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/File/Upload");
        Assert.Equal(("image-2.png", (long)png.Length), (upload.Files.Single().FileName, upload.Files.Single().Length));
        using var http = new HttpClient();
        Assert.Equal(png, await http.GetByteArrayAsync(run.Fields["inputImage2Url"].Single()));
        Assert.Equal(
            [("OriginalImages", "an original image must be an http(s) UriContent or a DataContent"), ("OriginalImages", "the tool takes 2 of them: the rest are not sent")],
            traced.Ignored(WiroImageGenerator.IgnoredOptionEvent));
    }

    [Fact]
    public async Task Data_asked_for_comes_back_as_bytes_within_the_cap()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Image.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a koala", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(TinyPngBytes(), data.Data.ToArray());
        Assert.Equal(("image/png", "0.png"), (data.MediaType, data.Name));
        Assert.IsType<WiroOutput>(data.RawRepresentation);

        var capped = new WiroImageGenerator(env.Client, ImageClient.ImageDescriptor) { MaxDataBytes = TinyPngBytes().Length - 1 };
        var tooLarge = await Assert.ThrowsAsync<WiroResponseTooLargeException>(
            () => capped.GenerateImagesAsync("a koala", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data }));
        Assert.Contains("0.png", tooLarge.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1920, 1080, "16:9")]
    [InlineData(500, 1000, "9:16")]
    [InlineData(1100, 1000, "1:1")]
    public async Task A_size_goes_to_the_nearest_aspect_ratio_when_the_tool_takes_no_width_and_height(int width, int height, string ratio)
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Ratio.AsIImageGenerator();

        await generator.GenerateImagesAsync("a koala", new ImageGenerationOptions { ImageSize = new Size(width, height) });

        Assert.Equal([ratio], Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/ratio").Fields["aspectRatio"]);
    }

    [Fact]
    public async Task What_the_tool_cannot_take_is_traced_and_not_sent()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Ratio.AsIImageGenerator();
        using var traced = new TracedCall();

        await generator.GenerateImagesAsync("a koala", new ImageGenerationOptions
        {
            MediaType = "image/png",
            StreamingCount = 2,
            ResponseFormat = ImageGenerationResponseFormat.Hosted,
            AdditionalProperties = new() { ["seed"] = 7 },
        });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/ratio");
        Assert.Equal(["aspectRatio", "num_images", "prompt"], run.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("seed", "the tool has no input for it"), ("MediaType", "the tool has no input for it"),
             ("StreamingCount", "images are not streamed"), ("ResponseFormat", "Wiro's images are links: they come as links")],
            traced.Ignored(WiroImageGenerator.IgnoredOptionEvent));
    }

    [Theory]
    [InlineData(3, "2")]
    [InlineData(4, "4")]
    [InlineData(100, "4")]
    [InlineData(1, "1")]
    public async Task A_count_goes_to_the_largest_number_of_a_count_select_not_above_it(int count, string sent)
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Ratio.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a koala", new ImageGenerationOptions { Count = count });

        Assert.Equal([sent], Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/ratio").Fields["num_images"]);
        Assert.Equal(int.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), response.Contents.Count);
    }

    [Fact]
    public async Task An_edit_a_tool_cannot_take_is_refused_before_anything_is_sent()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Ratio.AsIImageGenerator();

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImageAsync(new DataContent(TinyPngBytes(), "image/png"), "make it night"));

        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path is "/v1/Run/acme/ratio" or "/v1/File/Upload");
    }

    [Fact]
    public async Task A_content_type_that_is_no_media_type_comes_back_as_octet_stream_and_the_data_budget_covers_all_images()
    {
        await using var env = await StartAsync();
        using var generator = env.Client.Image.AsIImageGenerator();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Success(WiroOutputFile.Text("0.png", "not quite a png", contentType: "png")));

        var link = Assert.IsType<UriContent>(Assert.Single((await generator.GenerateImagesAsync("a koala")).Contents));
        Assert.Equal("application/octet-stream", link.MediaType);

        var png = TinyPngBytes().Length;
        var capped = new WiroImageGenerator(env.Client, ImageClient.ImageDescriptor) { MaxDataBytes = (2 * png) - 1 };
        var data = new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data, Count = 2 };
        await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => capped.GenerateImagesAsync("a koala", data));
        var enough = new WiroImageGenerator(env.Client, ImageClient.ImageDescriptor) { MaxDataBytes = 2 * png };
        Assert.Equal(2, (await enough.GenerateImagesAsync("a koala", data)).Contents.OfType<DataContent>().Count());
    }

    [Fact]
    public async Task A_failed_task_is_a_typed_exception_with_wiros_reason()
    {
        await using var env = await StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "NSFW content detected"));
        using var generator = env.Client.Image.AsIImageGenerator();

        var failed = await Assert.ThrowsAsync<WiroTaskFailedException>(() => generator.GenerateImagesAsync("a koala"));

        Assert.Contains("NSFW content detected", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_descriptor_is_what_the_spec_layer_plans_and_the_metadata_names_wiro()
    {
        var spec = SpecParser.Parse(Specs[0], File.ReadAllText(Specs[0]), CancellationToken.None).Spec!;
        var (plan, _) = ToolPlanner.Plan(spec, null, [], CancellationToken.None);
        var image = ImagePlanner.Plan(spec, FunctionPlanner.Plan(spec, plan))!;
        var generated = ImageClient.ImageDescriptor;

        Assert.Equal(new ImagePlan("prompt", new[] { "inputImageUrl", "inputImage2Url" }.ToEquatableArray(), "width", "height", null, EquatableArray<ImageShape>.Empty, null, EquatableArray<ImageShape>.Empty, "samples", "outputFormat"), image);
        Assert.Equal(
            (image.PromptInput, image.WidthInput, image.HeightInput, image.SizeInput, image.AspectRatioInput, image.CountInput, image.FormatInput),
            (generated.PromptInput, generated.WidthInput, generated.HeightInput, generated.SizeInput, generated.AspectRatioInput, generated.CountInput, generated.FormatInput));
        Assert.Equal(image.ImageInputs, generated.ImageInputs);
        Assert.Same(ImageClient.FunctionDescriptor, generated.Tool);

        using var client = new WiroClient(new WiroClientOptions { ApiKey = "k", BaseAddress = new Uri("https://api.example.test/v1/") });
        var metadata = client.Image.AsIImageGenerator().GetService<ImageGeneratorMetadata>()!;
        Assert.Equal(("wiro", client.Options.BaseAddress, "acme/image"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
    }

    private static byte[] TinyPngBytes() => WiroOutputFile.Png().Content.ToArray();

    private static Task<TestEnvironment> StartAsync()
        => TestEnvironment.StartAsync(emulator: options =>
        {
            foreach (var spec in Specs)
            {
                options.SpecFiles.Add(spec);
            }
        });
}
