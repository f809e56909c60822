using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// Reads a saved Tool/Detail answer (<c>{owner}__{model}.wiro.json</c>, what <c>wiro add --detail</c> saves) into
/// <see cref="ToolDetail"/>, and matches it to a spec's inputs (<see cref="Apply"/>). A file anyone may have written:
/// never throws (except <see cref="OperationCanceledException"/>), is read within <see cref="BoundedJson"/>'s bounds,
/// and every problem is a diagnostic located in the file. A file that cannot be read is WIRO019 and the page generates
/// alone; a value that cannot be used is WIRO020 and only it is left out; an id the page does not declare is WIRO021.
/// </summary>
/// <remarks>
/// The shape read is Wiro's answer, <c>{"result":true,"tool":[{ ..., "parameters":[{"title","items":[{"id",
/// "required","min","max","step",...}]}]}]}</c>, or a tool object alone (<c>{"parameters":[...]}</c>). Values are read
/// as leniently as the client core reads Wiro's loosely typed answers: <c>required</c> as <c>true</c>/<c>false</c>,
/// <c>"true"</c>/<c>"false"</c>, <c>1</c>/<c>0</c> or <c>"1"</c>/<c>"0"</c>; <c>min</c>, <c>max</c> and <c>step</c> as
/// numbers or numeric strings; <c>null</c> or <c>""</c> as absent. <c>"parameters": null</c> (Wiro sends it for some
/// tools) says nothing. Other fields are not read.
/// </remarks>
public static class DetailReader
{
    private const int ShownLength = 40;

    /// <summary>Reads one detail file.</summary>
    public static ToolDetail Read(string filePath, string text, CancellationToken cancellationToken)
    {
        var reader = new Reading(filePath ?? string.Empty, text ?? string.Empty);
        try
        {
            reader.Run(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A reader bug must cost this file, never the build.
            reader.Diagnostics.Clear();
            reader.Items.Clear();
            reader.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.InternalError, reader.At(0, 0), exception.GetType().Name + ": " + exception.Message));
        }

        return new ToolDetail(reader.FilePath, reader.Items.ToEquatableArray(), reader.Diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// <paramref name="spec"/> with each input's <see cref="ToolInput.Constraints"/> from <paramref name="detail"/>,
    /// matched by id: an item names an input by its page name, or a file input (shown on the page as <c>xUrl</c>) by
    /// <c>x</c>, as Tool/Detail does. An item matching no input is WIRO021; a second item for one input is WIRO020.
    /// The detail's own diagnostics are not repeated here.
    /// </summary>
    public static (ToolSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics) Apply(ToolSpec spec, ToolDetail detail)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (detail.Items.Count == 0)
        {
            return (spec, EquatableArray<DiagnosticInfo>.Empty);
        }

        var keys = WireKeys.Of(spec.Inputs);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPart = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!byName.ContainsKey(spec.Inputs[i].Name))
            {
                byName.Add(spec.Inputs[i].Name, i);
            }

            if (keys[i].FilePart is { } part && !byPart.ContainsKey(part))
            {
                byPart.Add(part, i);
            }
        }

        var found = new InputConstraints?[spec.Inputs.Count];
        var foundBy = new string[spec.Inputs.Count];
        foreach (var item in detail.Items)
        {
            if (!byName.TryGetValue(item.Id, out var index) && !byPart.TryGetValue(item.Id, out index))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.UnknownDetailInput, item.Location, Shown(item.Id), spec.Owner + "/" + spec.Slug));
                continue;
            }

            if (found[index] is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.InvalidDetailValue, item.Location,
                    "item '" + Shown(item.Id) + "'", "describes input '" + Shown(spec.Inputs[index].Name) + "' again, after item '" + Shown(foundBy[index]) + "'"));
                continue;
            }

            found[index] = item.Constraints;
            foundBy[index] = item.Id;
        }

        var inputs = new ToolInput[spec.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = found[i] is { } constraints ? spec.Inputs[i] with { Constraints = constraints } : spec.Inputs[i];
        }

        return (spec with { Inputs = inputs.ToEquatableArray() }, diagnostics.ToEquatableArray());
    }

    /// <summary>Text from a file as a message shows it: at most 40 characters, anything invisible or a control as <c>U+XXXX</c>.</summary>
    internal static string Shown(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length && i < ShownLength; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsSurrogate(c) || HiddenCharacters.IsHidden(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > ShownLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>One file being read: its text, where offsets are, and what was found.</summary>
    private sealed class Reading
    {
        private readonly string _text;
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private LineIndex? _lines;

        public Reading(string filePath, string text)
        {
            FilePath = filePath;
            _text = text;
        }

        public string FilePath { get; }

        public List<DetailItem> Items { get; } = new();

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public LocationInfo At(int start, int end)
        {
            if (start <= 0 && end <= 0)
            {
                // The file's start (a file refused for its length, say): no need to index its lines.
                return new LocationInfo(FilePath, default, default);
            }

            _lines ??= new LineIndex(_text);
            start = Math.Max(0, Math.Min(start, _text.Length));
            end = Math.Max(start, Math.Min(end, _text.Length));
            return new LocationInfo(FilePath, new TextRange(start, end), new LineRange(_lines.Position(start), _lines.Position(end)));
        }

        private LocationInfo At(JsonValue value) => At(value.Start, Math.Min(value.End, value.Start + 200));

        public void Run(CancellationToken cancellationToken)
        {
            JsonValue root;
            try
            {
                root = BoundedJson.Parse(_text, cancellationToken);
            }
            catch (JsonReadException failure)
            {
                var at = failure.Offset == 0 ? At(0, 0) : At(failure.Offset, Math.Min(failure.Offset + 1, _text.Length));
                Unreadable(at, "not JSON at line " + (at.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture)
                    + ", column " + (at.LineSpan.Start.Character + 1).ToString(CultureInfo.InvariantCulture) + ": " + failure.Message);
                return;
            }

            if (root.Kind != JsonKind.Object)
            {
                Unreadable(At(root), "it is " + KindName(root) + ", not a Tool/Detail answer (an object)");
                return;
            }

            if (root.Get("result") is { } result && Flag(result) == false)
            {
                Unreadable(At(result), "it is a refusal (result " + Shown(Raw(result)) + "), not a tool's detail");
                return;
            }

            var tool = Tool(root);
            if (tool is null)
            {
                return;
            }

            var parameters = tool.Get("parameters");
            if (parameters is null || parameters.Kind == JsonKind.Null)
            {
                return;
            }

            if (parameters.Kind != JsonKind.Array)
            {
                Unreadable(At(parameters), "'parameters' is " + KindName(parameters) + ", not a list of groups");
                return;
            }

            foreach (var group in parameters.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (group.Kind != JsonKind.Object)
                {
                    Invalid(group, "a parameters group", "is " + KindName(group) + ", not an object");
                    continue;
                }

                var items = group.Get("items");
                if (items is null || items.Kind == JsonKind.Null)
                {
                    continue;
                }

                if (items.Kind != JsonKind.Array)
                {
                    Invalid(items, "a parameters group", "has 'items' that is " + KindName(items) + ", not a list");
                    continue;
                }

                foreach (var item in items.Items)
                {
                    ReadItem(item);
                }
            }
        }

        /// <summary>The tool object: the first of Wiro's <c>tool</c> list, or the root itself when it holds <c>parameters</c>.</summary>
        private JsonValue? Tool(JsonValue root)
        {
            var tool = root.Get("tool");
            if (tool is null)
            {
                if (root.Get("parameters") is not null)
                {
                    return root;
                }

                Unreadable(At(root.Start, root.Start + 1), "it has neither a 'tool' list nor 'parameters'");
                return null;
            }

            if (tool.Kind == JsonKind.Object)
            {
                return tool;
            }

            if (tool.Kind == JsonKind.Array)
            {
                foreach (var entry in tool.Items)
                {
                    if (entry.Kind == JsonKind.Object)
                    {
                        return entry;
                    }
                }

                Unreadable(At(tool), "its 'tool' list holds no tool");
                return null;
            }

            Unreadable(At(tool), "'tool' is " + KindName(tool) + ", not a list");
            return null;
        }

        private void ReadItem(JsonValue item)
        {
            if (item.Kind != JsonKind.Object)
            {
                Invalid(item, "an item", "is " + KindName(item) + ", not an object");
                return;
            }

            var idValue = item.Get("id");
            if (idValue is null || idValue.Kind != JsonKind.String || idValue.Text.Length == 0)
            {
                Invalid(idValue ?? item, "an item", idValue is null ? "has no 'id'" : "has an 'id' that is " + KindName(idValue) + ", not a name");
                return;
            }

            var id = idValue.Text;
            var name = "input '" + Shown(id) + "'";
            if (item.Count("id") > 1)
            {
                Invalid(idValue, name, "has 'id' more than once");
                return;
            }

            if (!_ids.Add(id))
            {
                Invalid(idValue, name, "is described a second time");
                return;
            }

            var required = false;
            if (Single(item, "required", name) is { } requiredValue)
            {
                if (Flag(requiredValue) is { } flag)
                {
                    required = flag;
                }
                else
                {
                    Invalid(requiredValue, name, "has 'required' " + Shown(Raw(requiredValue)) + ", which is not true or false");
                }
            }

            var minimum = Number(item, "min", name);
            var maximum = Number(item, "max", name);
            var step = Number(item, "step", name);
            if (step is <= 0)
            {
                Invalid(item.Get("step")!, name, "has 'step' " + InputConstraints.Number(step.Value) + ", which is not more than 0");
                step = null;
            }

            if (minimum is { } min && maximum is { } max && min > max)
            {
                Invalid(item.Get("min")!, name, "has 'min' " + InputConstraints.Number(min) + " above its 'max' " + InputConstraints.Number(max) + ": that range");
                minimum = null;
                maximum = null;
            }

            Items.Add(new DetailItem(id, new InputConstraints(required, minimum, maximum, step), At(idValue)));
        }

        /// <summary>The one member named <paramref name="key"/>; null (with WIRO020) when it is there twice, null when absent or null.</summary>
        private JsonValue? Single(JsonValue item, string key, string name)
        {
            var value = item.Get(key);
            if (value is null || value.Kind == JsonKind.Null)
            {
                return null;
            }

            if (item.Count(key) > 1)
            {
                Invalid(value, name, "has '" + key + "' more than once");
                return null;
            }

            return value;
        }

        private double? Number(JsonValue item, string key, string name)
        {
            if (Single(item, key, name) is not { } value)
            {
                return null;
            }

            var text = value.Kind is JsonKind.Number or JsonKind.String ? value.Text.Trim() : null;
            if (text is { Length: 0 })
            {
                return null;
            }

            if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Invalid(value, name, "has '" + key + "' " + Shown(Raw(value)) + ", which is not a number");
                return null;
            }

            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                Invalid(value, name, "has '" + key + "' " + Shown(Raw(value)) + ", which is not a finite number");
                return null;
            }

            return number;
        }

        /// <summary>A flag as the core reads Wiro's: true/false, "true"/"false", 1/0, "1"/"0"; null when it is none of them.</summary>
        private static bool? Flag(JsonValue value)
        {
            switch (value.Kind)
            {
                case JsonKind.True: return true;
                case JsonKind.False: return false;
                case JsonKind.Null: return false;
                case JsonKind.Number:
                case JsonKind.String:
                    switch (value.Text.Trim().ToLowerInvariant())
                    {
                        case "true":
                        case "1":
                            return true;
                        case "false":
                        case "0":
                        case "":
                            return false;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>A value as a message shows it: a string in quotes, a number as written, a container by its kind.</summary>
        private string Raw(JsonValue value)
            => value.Kind switch
            {
                JsonKind.String => "\"" + value.Text + "\"",
                JsonKind.Number => value.Text,
                JsonKind.True => "true",
                JsonKind.False => "false",
                JsonKind.Null => "null",
                _ => KindName(value),
            };

        private static string KindName(JsonValue value)
            => value.Kind switch
            {
                JsonKind.Object => "an object",
                JsonKind.Array => "a list",
                JsonKind.String => "a string",
                JsonKind.Number => "a number",
                JsonKind.Null => "null",
                _ => "a boolean",
            };

        private void Unreadable(LocationInfo at, string reason)
        {
            Items.Clear();
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.UnreadableDetail, at, reason));
        }

        private void Invalid(JsonValue at, string what, string problem)
            => Diagnostics.Add(DiagnosticInfo.Create(DiagnosticId.InvalidDetailValue, At(at), what, problem));
    }
}
