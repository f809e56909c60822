using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Detail;

/// <summary>A spec and Tool/Detail answers for it, written as Wiro sends them.</summary>
internal static class DetailFiles
{
    public const string SpecPath = "/specs/acme__painter.wiro.md";
    public const string DetailPath = "/specs/acme__painter.wiro.json";

    public static string Spec() => new SpecBuilder("acme", "painter")
        .Input("prompt", "textarea", "", label: "Prompt", help: "What to paint.")
        .Input("negativePrompt", "textarea", "", label: "Negative prompt")
        .Input("steps", "number", "30", label: "Steps")
        .Input("guidance", "float", "", label: "Guidance")
        .Input("seed", "number", "", label: "Seed")
        .Input("inputImageUrl", "text", "", label: "Image")
        .Input("style", "select", "oil", options: [("oil", "Oil"), ("ink", "Ink")])
        .Build();

    /// <summary>Wiro's Tool/Detail answer for <see cref="Spec"/>: loosely typed, as the real one is.</summary>
    public const string Answer = """
        {
          "result": true,
          "errors": [],
          "tool": [{
            "id": "1611",
            "slugowner": "acme",
            "slugproject": "painter",
            "readme": "<p>Paints.</p>",
            "parameters": [
              {
                "title": "Input",
                "items": [
                  { "id": "prompt", "type": "textarea", "label": "Prompt", "required": true, "placeholder": "A cat", "note": "What to paint." },
                  { "id": "negativePrompt", "type": "textarea", "required": false },
                  { "id": "steps", "type": "number", "required": "true", "min": "1", "max": 100, "step": 1 },
                  { "id": "guidance", "type": "float", "min": 0.5, "max": "20", "step": "0.5" },
                  { "id": "seed", "type": "number", "required": "1", "min": 0 }
                ]
              },
              {
                "title": "Image",
                "items": [
                  { "id": "inputImage", "type": "fileinput", "required": 1 }
                ]
              }
            ]
          }]
        }
        """;

    public static SpecInput[] Pair(string detail = Answer)
        => [new SpecInput(SpecPath, Spec()), new SpecInput(DetailPath, detail)];
}
