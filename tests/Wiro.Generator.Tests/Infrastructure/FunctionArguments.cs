using System.Text.Json;
using System.Text.Json.Nodes;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>
/// A default request's wire JSON as a function call's arguments, by the inverse of the function's send rules
/// (<c>ToolFunctionRequest</c>): a boolean's <c>"true"</c> as <c>true</c>, a multiselect's <c>"a,b"</c> as
/// <c>["a","b"]</c>, and an input the page gives no default, which the request sends empty (<c>""</c>, as Wiro's form
/// does) and a call leaves out, left out. Every other key stays as sent.
/// </summary>
public static class FunctionArguments
{
    public static JsonObject FromDefaultWire(JsonElement wire, FunctionPlan function)
    {
        var arguments = new JsonObject();
        foreach (var input in function.Inputs)
        {
            Assert.True(wire.TryGetProperty(input.Key, out var value), $"the default request does not send '{input.Key}'");
            if (value.ValueKind == JsonValueKind.String && value.GetString() == "" && input.Default is null)
            {
                continue;
            }

            arguments[input.Key] = input.Kind switch
            {
                FunctionInputKind.Boolean => JsonValue.Create(value.GetString() == "true"),
                FunctionInputKind.StringList => new JsonArray(value.GetString()!.Split(',').Select(item => (JsonNode?)JsonValue.Create(item)).ToArray()),
                _ => JsonNode.Parse(value.GetRawText()),
            };
        }

        return arguments;
    }
}
