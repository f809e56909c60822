#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Text.Json;

/// <summary>Writes a run's inputs as the JSON object Wiro expects, straight into a pooled buffer.</summary>
internal sealed class JsonParameterWriter : WiroParameterWriter
{
    private readonly Utf8JsonWriter _json;

    public JsonParameterWriter(Utf8JsonWriter json) => _json = json;

    public override void WriteString(string name, string? value) => _json.WriteString(name, value ?? "");

    public override void WriteNumber(string name, long value) => _json.WriteNumber(name, value);

    public override void WriteNumber(string name, double value) => _json.WriteNumber(name, value);

    public override void WriteFile(string name, WiroFile? file) => _json.WriteString(name, file is null ? "" : RequireUrl(file));

    public override void WriteFiles(string name, IReadOnlyList<WiroFile>? files)
    {
        if (files is null || files.Count == 0)
        {
            _json.WriteString(name, "");
            return;
        }

        _json.WriteStartArray(name);
        foreach (var file in files)
        {
            _json.WriteStringValue(RequireUrl(file));
        }

        _json.WriteEndArray();
    }

    public override void WriteStringList(string name, IReadOnlyList<string>? values)
        => _json.WriteString(name, values is { Count: > 0 } ? string.Join(",", values) : "");

    private static string RequireUrl(WiroFile file)
        => file.Url?.AbsoluteUri ?? throw new InvalidOperationException("A local file cannot go in a JSON body.");
}
