#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// The data a <see cref="WiroImageGenerator"/> is made from: the tool (its <see cref="WiroToolFunctionDescriptor"/>)
/// and which of its inputs take the prompt, the original images, the size, the count and the format. Generated
/// clients of image tools hold one (<c>{Tool}Client.ImageDescriptor</c>), planned from the page by the spec layer; an
/// input a tool lacks stays null and the option it would take is ignored.
/// </summary>
public sealed class WiroImageDescriptor
{
    private readonly string? _promptInput;
    private readonly IReadOnlyList<string> _imageInputs = Array.Empty<string>();
    private readonly string? _widthInput;
    private readonly string? _heightInput;
    private readonly string? _sizeInput;
    private readonly string? _aspectRatioInput;
    private readonly string? _countInput;
    private readonly string? _formatInput;

    /// <summary>Describes an image tool.</summary>
    /// <param name="tool">The tool: its Run endpoint and every input, in the order they are sent.</param>
    public WiroImageDescriptor(WiroToolFunctionDescriptor tool)
    {
        Tool = tool ?? throw new ArgumentNullException(nameof(tool));
    }

    /// <summary>The tool: its Run endpoint and every input.</summary>
    public WiroToolFunctionDescriptor Tool { get; }

    /// <summary>The key of the input that takes the prompt; null when the tool has none.</summary>
    public string? PromptInput { get => _promptInput; init => _promptInput = Tool.Checked(value, nameof(PromptInput)); }

    /// <summary>The keys of the file inputs that take the original images, in order: a list input takes them all, a single one the next.</summary>
    public IReadOnlyList<string> ImageInputs
    {
        get => _imageInputs;
        init
        {
            foreach (var key in value ?? throw new ArgumentNullException(nameof(ImageInputs)))
            {
                Tool.Checked(key ?? throw new ArgumentException("An image input is null.", nameof(ImageInputs)), nameof(ImageInputs), file: true);
            }

            _imageInputs = value;
        }
    }

    /// <summary>The key of the number input that takes the width in pixels; set with <see cref="HeightInput"/>.</summary>
    public string? WidthInput { get => _widthInput; init => _widthInput = Tool.Checked(value, nameof(WidthInput)); }

    /// <summary>The key of the number input that takes the height in pixels; set with <see cref="WidthInput"/>.</summary>
    public string? HeightInput { get => _heightInput; init => _heightInput = Tool.Checked(value, nameof(HeightInput)); }

    /// <summary>The key of the select whose values are sizes (<c>1024x1024</c>): the size asked goes to the nearest of <see cref="SizeChoices"/>.</summary>
    public string? SizeInput { get => _sizeInput; init => _sizeInput = Tool.Checked(value, nameof(SizeInput)); }

    /// <summary>The size select's values, each with its width and height.</summary>
    public IReadOnlyList<WiroImageShape> SizeChoices { get; init; } = Array.Empty<WiroImageShape>();

    /// <summary>The key of the select whose values are aspect ratios (<c>16:9</c>): the size asked goes to the nearest of <see cref="RatioChoices"/>.</summary>
    public string? AspectRatioInput { get => _aspectRatioInput; init => _aspectRatioInput = Tool.Checked(value, nameof(AspectRatioInput)); }

    /// <summary>The aspect-ratio select's values that are ratios, each with its two sides.</summary>
    public IReadOnlyList<WiroImageShape> RatioChoices { get; init; } = Array.Empty<WiroImageShape>();

    /// <summary>The key of the input that takes how many images to make.</summary>
    public string? CountInput { get => _countInput; init => _countInput = Tool.Checked(value, nameof(CountInput)); }

    /// <summary>The key of the select that takes the image format (<c>png</c>, <c>jpeg</c>...).</summary>
    public string? FormatInput { get => _formatInput; init => _formatInput = Tool.Checked(value, nameof(FormatInput)); }
}

/// <summary>A size or ratio select's value with its two numbers: <c>1024x768</c> is 1024 by 768, <c>16:9</c> 16 by 9.</summary>
public sealed class WiroImageShape
{
    /// <summary>Describes one value.</summary>
    /// <param name="value">The option's wire value.</param>
    /// <param name="width">The first number, above zero.</param>
    /// <param name="height">The second number, above zero.</param>
    /// <exception cref="ArgumentException">The value is empty or a number is not above zero.</exception>
    public WiroImageShape(string value, int width, int height)
    {
        if (string.IsNullOrEmpty(value) || width <= 0 || height <= 0)
        {
            throw new ArgumentException("A shape needs a value and two numbers above zero.", string.IsNullOrEmpty(value) ? nameof(value) : width <= 0 ? nameof(width) : nameof(height));
        }

        Value = value;
        Width = width;
        Height = height;
    }

    /// <summary>The option's wire value.</summary>
    public string Value { get; }

    /// <summary>The first number: a width, or a ratio's first side.</summary>
    public int Width { get; }

    /// <summary>The second number: a height, or a ratio's second side.</summary>
    public int Height { get; }
}
