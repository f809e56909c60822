namespace Wiro.Specs;

/// <summary>
/// An image tool as an image generator (Microsoft.Extensions.AI's <c>IImageGenerator</c>): which of its inputs, by
/// wire key, take the prompt, the original images, the size, the count and the format. Made by
/// <see cref="ImagePlanner"/>; the generator writes it as the core's <c>WiroImageDescriptor</c>. A role the tool has
/// no input for is null. Value-equal.
/// </summary>
/// <param name="PromptInput">The free text input that takes the prompt.</param>
/// <param name="ImageInputs">The file inputs that take the original images, in the page's order: one list input, or
/// several single ones (a face swap's first and second image).</param>
/// <param name="WidthInput">The number input that takes the width in pixels (with <paramref name="HeightInput"/>).</param>
/// <param name="HeightInput">The number input that takes the height in pixels (with <paramref name="WidthInput"/>).</param>
/// <param name="SizeInput">The select whose values are sizes, <c>1024x1024</c>.</param>
/// <param name="SizeChoices">That select's values, each read as width and height.</param>
/// <param name="AspectRatioInput">The select whose values are aspect ratios, <c>16:9</c>.</param>
/// <param name="RatioChoices">That select's values that are ratios (not <c>Default</c>), each read as its two sides.</param>
/// <param name="CountInput">The input that takes how many images to make: a number, or a select of numbers.</param>
/// <param name="FormatInput">The select that takes the image format (<c>png</c>, <c>jpeg</c>...).</param>
public sealed record ImagePlan(
    string? PromptInput,
    EquatableArray<string> ImageInputs,
    string? WidthInput,
    string? HeightInput,
    string? SizeInput,
    EquatableArray<ImageShape> SizeChoices,
    string? AspectRatioInput,
    EquatableArray<ImageShape> RatioChoices,
    string? CountInput,
    string? FormatInput);

/// <summary>A size or ratio select's value read as its two numbers: <c>1024x768</c> is 1024 by 768, <c>16:9</c> 16 by 9.</summary>
/// <param name="Value">The option's wire value.</param>
/// <param name="Width">The first number.</param>
/// <param name="Height">The second number.</param>
public sealed record ImageShape(string Value, int Width, int Height);
