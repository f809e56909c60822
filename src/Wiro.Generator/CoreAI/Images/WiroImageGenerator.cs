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
/// <see cref="MaxDataBytes"/> each) when <see cref="ImageGenerationOptions.ResponseFormat"/> is
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

    /// <summary>The most bytes one image is read into memory with, for <see cref="ImageGenerationResponseFormat.Data"/>: 64 MiB by default.</summary>
    public long MaxDataBytes { get; init; } = OutputData.DefaultMaxBytes;

    /// <inheritdoc/>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var tool = Descriptor.Tool;
        var values = new ToolRunValues(tool);
        values.SetAdditional(options?.AdditionalProperties);
        if (options is not null)
        {
            values.Option(nameof(ImageGenerationOptions.Count), Descriptor.CountInput, options.Count, options.Count);
            SetSize(values, options.ImageSize);
            values.Option(nameof(ImageGenerationOptions.MediaType), Descriptor.FormatInput, string.IsNullOrEmpty(options.MediaType) ? null : options.MediaType, Format(values, options.MediaType));
            values.Unsupported(nameof(ImageGenerationOptions.ModelId), !string.IsNullOrEmpty(options.ModelId) && options.ModelId != tool.ModelId, "the generator runs one tool");
            values.Unsupported(nameof(ImageGenerationOptions.StreamingCount), options.StreamingCount is not null, "images are not streamed");
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

        var images = new List<AIContent>();
        if (request.OriginalImages is { } originals)
        {
            foreach (var image in originals)
            {
                if (image is not null && ToolRunValues.IsFile(image, "image"))
                {
                    images.Add(image);
                }
            }
        }

        await values.AttachAsync(_client, Descriptor.ImageInputs, images, nameof(ImageGenerationRequest.OriginalImages), "image", cancellationToken).ConfigureAwait(false);
        values.TraceIgnored(IgnoredOptionEvent);

        var result = await _client.RunAndWaitAsync(tool.Owner, tool.Model, values.ToRequest(), null, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new WiroTaskFailedException(result);
        }

        var contents = new List<AIContent>();
        foreach (var output in Images(result))
        {
            contents.Add(options?.ResponseFormat == ImageGenerationResponseFormat.Data
                ? new DataContent(await OutputData.ReadAsync(output, MaxDataBytes, cancellationToken).ConfigureAwait(false), output.ContentType)
                {
                    Name = output.Name,
                    RawRepresentation = output,
                }
                : new UriContent(output.Url!, output.ContentType) { RawRepresentation = output });
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = result };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ImageGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(WiroImageDescriptor))
        {
            return Descriptor;
        }

        return serviceType.IsInstanceOfType(this) ? this : serviceType.IsInstanceOfType(_client) ? _client : null;
    }

    /// <summary>Nothing to release: the <see cref="WiroClient"/> is the caller's.</summary>
    public void Dispose()
    {
    }

    /// <summary>The image outputs with a URL; every output with one when none is an image.</summary>
    private List<WiroOutput> Images(WiroTaskResult result)
    {
        var images = new List<WiroOutput>();
        var files = new List<WiroOutput>();
        foreach (var output in result.Outputs)
        {
            if (output.Url is null)
            {
                continue;
            }

            files.Add(output);
            if (output.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                images.Add(output);
            }
        }

        if (files.Count == 0)
        {
            throw new WiroMalformedResponseException($"Task {result.Task.Id} of {Descriptor.Tool.ModelId} succeeded without a file to return.", null, null);
        }

        return images.Count > 0 ? images : files;
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
            if (!values.TrySet(width, asked.Width) || !values.TrySet(height, asked.Height))
            {
                values.Ignore(nameof(ImageGenerationOptions.ImageSize), ToolRunValues.DoesNotFit);
            }

            return;
        }

        var tool = Descriptor.Tool;
        if (Descriptor.SizeInput is { } sizeKey && Nearest(tool.Inputs[tool.IndexByKey[sizeKey]].AllowedValues, asked, 'x') is { } nearestSize)
        {
            values.TrySet(sizeKey, nearestSize);
        }
        else if (Descriptor.AspectRatioInput is { } ratioKey && Nearest(tool.Inputs[tool.IndexByKey[ratioKey]].AllowedValues, asked, ':') is { } nearestRatio)
        {
            values.TrySet(ratioKey, nearestRatio);
        }
        else
        {
            values.Ignore(nameof(ImageGenerationOptions.ImageSize), ToolRunValues.NoInput);
        }
    }

    /// <summary>
    /// The allowed value nearest the size asked: by aspect ratio first (on a log scale, so 2:1 and 1:2 are as far from
    /// 1:1), then, for sizes (<paramref name="separator"/> <c>x</c>), by area.
    /// </summary>
    private static string? Nearest(IReadOnlyList<string>? allowed, Size asked, char separator)
    {
        if (allowed is null)
        {
            return null;
        }

        string? best = null;
        var bestDistance = double.MaxValue;
        var askedRatio = Math.Log((double)asked.Width / asked.Height);
        var askedArea = Math.Log((double)asked.Width * asked.Height);
        foreach (var value in allowed)
        {
            if (!TryReadPair(value, separator, out var w, out var h))
            {
                continue;
            }

            var distance = Math.Abs(Math.Log((double)w / h) - askedRatio) * 100;
            if (separator == 'x')
            {
                distance += Math.Abs(Math.Log((double)w * h) - askedArea);
            }

            if (distance < bestDistance)
            {
                best = value;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Reads <c>1024x1024</c> (separator <c>x</c>, also <c>*</c>) or <c>16:9</c> (separator <c>:</c>).</summary>
    private static bool TryReadPair(string text, char separator, out int first, out int second)
    {
        first = second = 0;
        var parts = separator == 'x' ? text.Split('x', 'X', '*', '×') : text.Split(separator);
        return parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out second)
            && first > 0 && second > 0;
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
