#nullable enable
#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI; the warning reaches whoever uses it.
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Drawing;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// A Wiro image tool (text-to-image, image-to-image, editing) as an <see cref="IImageGenerator"/>, built from a
/// <see cref="WiroImageDescriptor"/>: no reflection (NativeAOT-safe). Each call is a paid run. Safe for concurrent use.
/// </summary>
/// <remarks>
/// <para><b>Request.</b> The prompt goes to the tool's prompt input. The original images go to its image inputs in
/// order (a list input takes all, a single input one): an http(s) <see cref="UriContent"/> as its URL, a
/// <see cref="DataContent"/> uploaded first.</para>
/// <para><b>Options.</b> <see cref="ImageGenerationOptions.Count"/> goes to the count input (a sample count) when the
/// tool has one; <see cref="ImageGenerationOptions.ImageSize"/> to its width and height inputs, else to the nearest
/// size of its size select, else to the nearest ratio of its aspect-ratio select;
/// <see cref="ImageGenerationOptions.MediaType"/> to its format select; any entry of
/// <see cref="ImageGenerationOptions.AdditionalProperties"/> whose key is an input's wire key (<c>seed</c>,
/// <c>negativePrompt</c>) to that input. What the tool cannot take is ignored, as Microsoft.Extensions.AI providers do,
/// and traced: an event <see cref="IgnoredOptionEvent"/> on the current activity.</para>
/// <para><b>Response.</b> The task's image outputs (every file output when none is an image), each as a
/// <see cref="UriContent"/> with its media type, or as a <see cref="DataContent"/> (downloaded, at most
/// <see cref="MaxDataBytes"/> for them all) when <see cref="ImageGenerationOptions.ResponseFormat"/> is
/// <see cref="ImageGenerationResponseFormat.Data"/>; each content's raw representation is its <see cref="WiroOutput"/>,
/// the response's the <see cref="WiroTaskResult"/> (with the cost).</para>
/// <para><b>Errors.</b> A task that does not succeed is a <see cref="WiroTaskFailedException"/>; a refused run a
/// <see cref="WiroApiException"/>; a task that made no file a <see cref="WiroMalformedResponseException"/>.
/// Cancelling stops the wait (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/> is set).</para>
/// </remarks>
public sealed class WiroImageGenerator : IImageGenerator
{
    /// <summary>The name of the event an ignored option leaves on the current activity.</summary>
    public const string IgnoredOptionEvent = "wiro.image.option_ignored";

    private readonly WiroClient _client;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Makes the image generator of a tool.</summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's image data.</param>
    public WiroImageGenerator(WiroClient client, WiroImageDescriptor descriptor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _metadata = new ImageGeneratorMetadata("wiro", client.Options.BaseAddress, descriptor.Tool.ModelId);
    }

    /// <summary>The data this generator was made from.</summary>
    public WiroImageDescriptor Descriptor { get; }

    /// <summary>The most bytes a response's images are read into memory with, together, for <see cref="ImageGenerationResponseFormat.Data"/>: 64 MiB by default.</summary>
    public long MaxDataBytes { get; init; } = OutputData.DefaultMaxBytes;

    /// <inheritdoc/>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var images = new List<AIContent>();
        var dropped = false;
        if (request.OriginalImages is { } originals)
        {
            foreach (var image in originals)
            {
                // Any http(s) link or bytes: a link's media type often comes from its file name, which may have none.
                if (image is UriContent { Uri: { IsAbsoluteUri: true } uri } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    || image is DataContent)
                {
                    images.Add(image);
                }
                else
                {
                    dropped |= image is not null;
                }
            }
        }

        // An edit the tool cannot take is refused before anything is sent: a paid run that ignores the images is not one.
        if (images.Count > 0 && Descriptor.ImageInputs.Count == 0)
        {
            throw new NotSupportedException($"{Descriptor.Tool.ModelId} takes no image: it cannot edit the original images given.");
        }

        var tool = Descriptor.Tool;
        var values = new ToolRunValues(tool);
        values.SetAdditional(options?.AdditionalProperties);
        values.Unsupported(nameof(ImageGenerationRequest.OriginalImages), dropped, "an original image must be an http(s) UriContent or a DataContent");
        if (options is not null)
        {
            values.Option(nameof(ImageGenerationOptions.Count), Descriptor.CountInput, options.Count, Count(options.Count));
            SetSize(values, options.ImageSize);
            values.Option(nameof(ImageGenerationOptions.MediaType), Descriptor.FormatInput, string.IsNullOrEmpty(options.MediaType) ? null : options.MediaType, Format(values, options.MediaType));
            values.Unsupported(nameof(ImageGenerationOptions.ModelId), !string.IsNullOrEmpty(options.ModelId) && options.ModelId != tool.ModelId, "the generator runs one tool");
            values.Unsupported(nameof(ImageGenerationOptions.StreamingCount), options.StreamingCount is not null, "images are not streamed");
            values.Unsupported(nameof(ImageGenerationOptions.ResponseFormat), options.ResponseFormat == ImageGenerationResponseFormat.Hosted, "Wiro's images are links: they come as links");
        }

        if (!string.IsNullOrEmpty(request.Prompt))
        {
            if (Descriptor.PromptInput is { } prompt)
            {
                values.Put(prompt, request.Prompt);
            }
            else
            {
                values.Ignore(nameof(ImageGenerationRequest.Prompt), ToolRunValues.NoInput);
            }
        }

        await values.AttachAsync(_client, Descriptor.ImageInputs, images, nameof(ImageGenerationRequest.OriginalImages), "image", cancellationToken).ConfigureAwait(false);
        var result = await values.RunToEndAsync(_client, IgnoredOptionEvent, cancellationToken).ConfigureAwait(false);

        var made = AdapterParts.FilesOf(result, "image/", Descriptor.Tool.ModelId);
        if (options?.ResponseFormat == ImageGenerationResponseFormat.Data)
        {
            return new ImageGenerationResponse(await AdapterParts.DataContentsAsync(made, MaxDataBytes, cancellationToken).ConfigureAwait(false))
            {
                RawRepresentation = result,
            };
        }

        var links = new List<AIContent>(made.Count);
        foreach (var image in made)
        {
            links.Add(new UriContent(image.Url!, image.MediaType) { RawRepresentation = image });
        }

        return new ImageGenerationResponse(links) { RawRepresentation = result };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
        => AdapterParts.GetService(serviceType, serviceKey, this, _metadata, Descriptor, _client);

    /// <summary>Nothing to release: the <see cref="WiroClient"/> is the caller's.</summary>
    public void Dispose()
    {
    }


    /// <summary>The size to the width and height inputs, else the nearest size, else the nearest aspect ratio.</summary>
    private void SetSize(ToolRunValues values, Size? size)
    {
        if (size is not { Width: > 0, Height: > 0 } asked)
        {
            values.Unsupported(nameof(ImageGenerationOptions.ImageSize), size is not null, ToolRunValues.DoesNotFit);
            return;
        }

        if (Descriptor.WidthInput is { } width && Descriptor.HeightInput is { } height)
        {
            // Both or neither: a width alone would make a shape the caller never asked for.
            var sized = new ToolRunValues(Descriptor.Tool);
            if (sized.TrySet(width, asked.Width) && sized.TrySet(height, asked.Height))
            {
                values.Put(width, sized.Values[Descriptor.Tool.IndexByKey[width]]);
                values.Put(height, sized.Values[Descriptor.Tool.IndexByKey[height]]);
            }
            else
            {
                values.Ignore(nameof(ImageGenerationOptions.ImageSize), ToolRunValues.DoesNotFit);
            }

            return;
        }

        if (Descriptor.SizeInput is { } sizeKey && Nearest(Descriptor.SizeChoices, asked, byArea: true) is { } nearestSize)
        {
            values.TrySet(sizeKey, nearestSize);
        }
        else if (Descriptor.AspectRatioInput is { } ratioKey && Nearest(Descriptor.RatioChoices, asked, byArea: false) is { } nearestRatio)
        {
            values.TrySet(ratioKey, nearestRatio);
        }
        else
        {
            values.Ignore(nameof(ImageGenerationOptions.ImageSize), ToolRunValues.NoInput);
        }
    }

    /// <summary>
    /// The shape nearest the size asked: by aspect ratio first (on a log scale, so 2:1 and 1:2 are as far from 1:1),
    /// then, for sizes, by area.
    /// </summary>
    private static string? Nearest(IReadOnlyList<WiroImageShape> shapes, Size asked, bool byArea)
    {
        string? best = null;
        var bestDistance = double.MaxValue;
        var askedRatio = Math.Log((double)asked.Width / asked.Height);
        var askedArea = Math.Log((double)asked.Width * asked.Height);
        foreach (var shape in shapes)
        {
            var distance = Math.Abs(Math.Log((double)shape.Width / shape.Height) - askedRatio) * 100;
            if (byArea)
            {
                distance += Math.Abs(Math.Log((double)shape.Width * shape.Height) - askedArea);
            }

            if (distance < bestDistance)
            {
                best = shape.Value;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The count to send: as asked, or for a count select the largest of its numbers not above it (a select of 1, 2
    /// and 4 asked for 3 makes 2), so a caller gets as near as the tool goes; null when none is.
    /// </summary>
    private object? Count(int? asked)
    {
        if (asked is not { } count || Descriptor.CountInput is not { } key || Descriptor.Tool.Inputs[Descriptor.Tool.IndexByKey[key]].AllowedValues is not { } allowed)
        {
            return asked;
        }

        string? best = null;
        var bestNumber = 0;
        foreach (var value in allowed)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= count && number > bestNumber)
            {
                best = value;
                bestNumber = number;
            }
        }

        return best;
    }

    /// <summary>The format select's value for a media type (<c>image/jpeg</c> is <c>jpeg</c> or <c>jpg</c>); null when it offers none.</summary>
    private string? Format(ToolRunValues values, string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType) || Descriptor.FormatInput is not { } key)
        {
            return null;
        }

        var slash = mediaType!.IndexOf('/');
        var subtype = (slash < 0 ? mediaType : mediaType.Substring(slash + 1)).ToLowerInvariant();
        return values.Choice(key, Array.Empty<KeyValuePair<string, string>>(), subtype)
            ?? values.Choice(key, Array.Empty<KeyValuePair<string, string>>(), subtype switch { "jpeg" => "jpg", "jpg" => "jpeg", _ => null });
    }
}
