using System;
using System.Collections.Generic;
using static Wiro.Specs.AdapterInputs;

namespace Wiro.Specs;

/// <summary>
/// Decides whether a tool is an image tool and which inputs take which part of an image request: the one home of
/// these rules. A tool is an image tool when a category names one (<see cref="AdapterCategories"/>: <c>text-to-image</c>,
/// <c>image-to-image</c>, <c>image-editing</c>, <c>inpainting</c>) and it has a free text input for the prompt or a file input for an
/// image. Roles are found as <see cref="AdapterInputs"/> finds them: the prompt among free text; the images are every
/// file input whose key names an image (not a mask); width and height are numbers, both or neither; the size is a
/// select whose values are all <c>WxH</c>; the aspect ratio a select with a <c>W:H</c> value; the count a number or a
/// select of whole numbers; the format a select offering <c>png</c>, <c>jpeg</c>, <c>jpg</c> or <c>webp</c>. The size
/// and ratio selects' values are read here, once, as <see cref="ImageShape"/>s: the core only picks the nearest.
/// </summary>
public static class ImagePlanner
{
    private static readonly string[] Prompt = { "prompt", "text", "description", "instruction", "instructions" };
    private static readonly string[] Width = { "width", "imagewidth" };
    private static readonly string[] Height = { "height", "imageheight" };
    private static readonly string[] Size = { "size", "imagesize", "resolution", "dimensions" };
    private static readonly string[] AspectRatio = { "aspectratio", "aspect", "ratio", "imageratio" };
    private static readonly string[] Count = { "samples", "numimages", "numberofimages", "numoutputs", "maximages", "count", "batchsize", "n" };
    private static readonly string[] Format = { "outputformat", "format", "imageformat" };
    private static readonly string[] Formats = { "png", "jpeg", "jpg", "webp" };

    /// <summary>The tool as an image generator, or null when it is not an image tool.</summary>
    public static ImagePlan? Plan(ToolSpec spec, FunctionPlan function)
    {
        if (!AdapterCategories.Has(spec, AdapterKind.Image))
        {
            return null;
        }

        var prompt = Find(function, Prompt, IsFreeText);
        var images = new List<string>();
        foreach (var input in function.Inputs)
        {
            var folded = Folded(input.Key);
            if (IsFile(input) && folded.Contains("image") && !folded.Contains("mask"))
            {
                images.Add(input.Key);
            }
        }

        if (prompt is null && images.Count == 0)
        {
            return null;
        }

        var width = Find(function, Width, IsNumber);
        var height = Find(function, Height, IsNumber);
        if (width is null || height is null)
        {
            width = height = null;
        }

        var size = Find(function, Size, input => IsSelect(input) && AllSizes(input.AllowedValues));
        var ratio = Find(function, AspectRatio, input => IsSelect(input) && AnyRatio(input.AllowedValues));
        return new ImagePlan(
            prompt,
            images.ToEquatableArray(),
            width,
            height,
            size,
            Shapes(function, size, TryReadSize),
            ratio,
            Shapes(function, ratio, TryReadRatio),
            Find(function, Count, input => IsNumber(input) || (IsSelect(input) && AllWholeNumbers(input.AllowedValues))),
            Find(function, Format, input => IsSelect(input) && AnyOf(input.AllowedValues, Formats)));
    }

    /// <summary>Reads <c>1024x1024</c> (or <c>1024*1024</c>) as width and height.</summary>
    public static bool TryReadSize(string text, out int width, out int height)
        => TryReadPair(text, new[] { 'x', 'X', '*', '×' }, out width, out height);

    /// <summary>Reads <c>16:9</c> (or <c>1280:720</c>) as a ratio's two sides.</summary>
    public static bool TryReadRatio(string text, out int width, out int height)
        => TryReadPair(text, new[] { ':' }, out width, out height);

    private static bool TryReadPair(string text, char[] separators, out int first, out int second)
    {
        first = second = 0;
        var parts = text.Trim().Split(separators);
        return parts.Length == 2
            && int.TryParse(parts[0].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out second)
            && first > 0 && second > 0;
    }

    private delegate bool PairReader(string text, out int width, out int height);

    /// <summary>The select's values that read as a pair, in the page's order.</summary>
    private static EquatableArray<ImageShape> Shapes(FunctionPlan function, string? key, PairReader read)
    {
        var shapes = new List<ImageShape>();
        if (Input(function, key) is { } input)
        {
            foreach (var value in input.AllowedValues)
            {
                if (read(value, out var width, out var height))
                {
                    shapes.Add(new ImageShape(value, width, height));
                }
            }
        }

        return shapes.ToEquatableArray();
    }

    private static bool AllSizes(EquatableArray<string> values)
    {
        foreach (var value in values)
        {
            if (!TryReadSize(value, out _, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyRatio(EquatableArray<string> values)
    {
        foreach (var value in values)
        {
            if (TryReadRatio(value, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllWholeNumbers(EquatableArray<string> values)
    {
        foreach (var value in values)
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return false;
            }
        }

        return true;
    }
}
