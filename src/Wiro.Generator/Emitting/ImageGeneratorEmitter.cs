using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes what an image tool's client needs from its spec: the image descriptor (the <see cref="ImagePlan"/>'s input
/// keys, over the tool's function descriptor) and <c>AsIImageGenerator</c>. The generator itself is the core's
/// <c>WiroImageGenerator</c>: no per-tool logic is generated.
/// </summary>
internal static class ImageGeneratorEmitter
{
    /// <summary>The members an image tool's client gets, after <c>FunctionDescriptor</c>: <c>ImageDescriptor</c> and <c>AsIImageGenerator</c>.</summary>
    public static void WriteClientMembers(SourceWriter writer, ImagePlan image, EmitContext context)
    {
        var descriptor = context.Qualify("WiroImageDescriptor");
        writer.WriteLine($$"""

            /// <summary>
            /// This image tool as an image generator's data, from the spec: which inputs take the prompt, the original images, the size and
            /// the count. <see cref="AsIImageGenerator"/> makes the generator from it; the core's <see cref="{{context.Qualify("WiroImageGenerator")}}"/> does the work.
            /// </summary>
            public static {{descriptor}} ImageDescriptor { get; } = new {{descriptor}}(FunctionDescriptor)
            {
            """);
        writer.Indentation++;
        DescriptorInitializers.Role(writer, "PromptInput", image.PromptInput);
        DescriptorInitializers.Keys(writer, "ImageInputs", image.ImageInputs);
        DescriptorInitializers.Role(writer, "WidthInput", image.WidthInput);
        DescriptorInitializers.Role(writer, "HeightInput", image.HeightInput);
        DescriptorInitializers.Role(writer, "SizeInput", image.SizeInput);
        Shapes(writer, "SizeChoices", image.SizeChoices, context);
        DescriptorInitializers.Role(writer, "AspectRatioInput", image.AspectRatioInput);
        Shapes(writer, "RatioChoices", image.RatioChoices, context);
        DescriptorInitializers.Role(writer, "CountInput", image.CountInput);
        DescriptorInitializers.Role(writer, "FormatInput", image.FormatInput);
        writer.Indentation--;
        writer.WriteLine("""
            };

            /// <summary>
            /// This image tool as a <see cref="global::Microsoft.Extensions.AI.IImageGenerator"/> (experimental in Microsoft.Extensions.AI:
            /// MEAI001): the prompt and original images go to the tool's inputs, the size and count to the inputs that take them; the
            /// images come back as links (or bytes, when asked). Each call is a paid run.
            /// </summary>
            /// <returns>The image generator, over this client's <c>WiroClient</c>.</returns>
            """);
        DescriptorInitializers.ExperimentalMethod(writer, context, $$"""
            public virtual global::Microsoft.Extensions.AI.IImageGenerator AsIImageGenerator()
                => new {{context.Qualify("WiroImageGenerator")}}(Client, ImageDescriptor);
            """);
    }

    /// <summary><c>Property = new WiroImageShape[] { new("16:9", 16, 9), ... },</c> when the select has shapes.</summary>
    private static void Shapes(SourceWriter writer, string property, EquatableArray<ImageShape> shapes, EmitContext context)
    {
        if (shapes.Count == 0)
        {
            return;
        }

        var shape = context.Qualify("WiroImageShape");
        writer.WriteLine($"{property} = new {shape}[]");
        writer.WriteLine("{");
        writer.Indentation++;
        foreach (var choice in shapes)
        {
            writer.WriteLine($"new {shape}({Escape.StringLiteral(choice.Value)}, {choice.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {choice.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)}),");
        }

        writer.Indentation--;
        writer.WriteLine("},");
    }
}
