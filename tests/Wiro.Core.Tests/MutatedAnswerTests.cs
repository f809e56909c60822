using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Wiro.Core.Tests;

/// <summary>
/// Wiro's real answers (../shared/wiro-api), damaged at random, fed to every parser the client has (Run,
/// Task/Detail, File/Upload, WebSocket messages): each gives a value or a Wiro exception, never another exception,
/// and what it gives keeps the client's promises (safe output names, only http(s) URLs).
/// </summary>
public sealed class MutatedAnswerTests
{
    /// <summary>Numbers a broken server sends, as numbers and as strings (Wiro sends most numbers as strings).</summary>
    private static readonly string[] Numbers =
    [
        "99999999999999", "99999999999999999999999999999", "253402300800", "-1", "-99999999999999", "1.5", "1e400", "-1e400", "-0",
        "\"99999999999999\"", "\"99999999999999999999999999999\"", "\"253402300800\"", "\"-1\"", "\"1.5\"", "\"1e400\"",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0x10\"", "\" 12 \"",
    ];

    /// <summary>Text a broken or hostile server sends: other URL schemes, paths, device names, lone surrogates, statuses.</summary>
    private static readonly string[] Texts =
    [
        "\"file:///etc/passwd\"", "\"ftp://x/0.png\"", "\"javascript:alert(1)\"", "\"../../x.txt\"", "\"/etc/passwd\"",
        "\"C:\\\\x.txt\"", "\"CON\"", "\"..\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"a\\u0000b\"", "\"\\u202Egnp.exe\"",
        "\"\"", "\" \"", "\"false\"", "\"true\"", "\"0\"", "\"task_postprocess_end\"", "\"task_error\"",
    ];

    /// <summary>Values of another shape than the one expected.</summary>
    private static readonly string[] Shapes =
        ["0", "1", "true", "false", "null", "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[\"x\",{},[]]", .. Numbers, .. Texts];

    /// <summary>Byte sequences that are never UTF-8: stray continuation, overlong, surrogate, past U+10FFFF, cut short.</summary>
    private static readonly byte[][] NotUtf8 = [[0xFF], [0xFE], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    /// <summary>Mostly 200, as Wiro answers even its refusals; the others check that a damaged error body stays typed too.</summary>
    private static readonly HttpStatusCode[] Statuses =
        [.. Enumerable.Repeat(HttpStatusCode.OK, 8), HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError];

    private static readonly string[] ReservedStems =
        ["CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>Found by the property below (seed eQgKTsJZZMd3): an id escaped as a lone surrogate, matched in place.</summary>
    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"2\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    public void A_task_id_that_is_not_valid_UTF16_is_malformed_and_named(string id)
    {
        using var document = System.Text.Json.JsonDocument.Parse("{\"tasklist\":[{\"id\":" + id + "}]}");

        var error = Assert.Throws<WiroMalformedResponseException>(() => WiroTask.FromTaskList(document.RootElement, null, "id", "2221"));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_real_answers_give_a_value_or_a_wiro_exception()
    {
        var samples = SharedSamples.Load();
        // Task/Detail answers hold the most fields, so they are drawn about as often as all the others together.
        var taskAnswers = samples.Where(sample => Encoding.UTF8.GetString(sample).Contains("\"tasklist\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(taskAnswers);
        var seeds = samples.Concat(samples.Select(AsTaskList))
            .Concat(Enumerable.Repeat(taskAnswers, 2 * samples.Count / taskAnswers.Count).SelectMany(answers => answers))
            .ToArray();
        var mutations =
            from seed in Gen.Int[0, seeds.Length - 1]
            from edits in Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20]).Array[0, 2]
            from damage in Gen.Int[0, 9]
            from position in Gen.Int[0, 1 << 20]
            from value in Gen.Int[0, 255]
            from status in Gen.Int[0, Statuses.Length - 1]
            select (Answer: Damage(Edit(seeds[seed], edits), damage, position, value), Status: Statuses[status]);

        mutations.Sample(
            mutation => Check(mutation.Answer, mutation.Status),
            iter: 4000,
            print: mutation => $"HTTP {(int)mutation.Status}: {Printable(mutation.Answer)}");
    }

    /// <summary>Every parser on one answer: only values or Wiro exceptions, and what they give is safe.</summary>
    private static void Check(byte[] answer, HttpStatusCode status)
    {
        using var client = ScriptedHandler.Client(
            new ScriptedHandler((_, _) => new HttpResponseMessage(status) { Content = new ByteArrayContent(answer) }),
            options => options.MaxRetries = 0);

        Accept(() => client.RunAsync("o", "m", new EnvelopeAndRetryTests.EmptyRequest()).GetAwaiter().GetResult());
        Accept(() => client.UploadFileAsync(WiroFile.FromBytes(new byte[] { 1 }, "a.bin")).GetAwaiter().GetResult());
        Accept(() => SocketMessage.Read(answer));
        Accept(() =>
        {
            // Asked for the task the answer names, so that the identity check lets its fields reach the parsers below.
            var task = client.GetTaskByIdAsync(NamedTaskId(answer)).GetAwaiter().GetResult();
            var result = new WiroTaskResult(task);
            _ = (task.Id, task.SocketAccessToken, task.RawStatus, task.ExitCode, task.DebugOutput, task.DebugError, task.CreatedAt,
                task.StartedAt, task.EndedAt, task.ElapsedSeconds, task.TotalCost, task.ParametersJson, result.FailureReason, result.IsCancelled);
            foreach (var output in task.Outputs)
            {
                AssertSafeFileName(output.Name);
                Assert.True(output.Url is null || output.Url.Scheme is "http" or "https", $"Output URL {output.Url} is neither http nor https.");
                Assert.True(output.Size is null or >= 0);
                _ = (output.RawName, output.ContentType, output.ContentJson, output.ToString());
            }

            return task;
        });
    }

    /// <summary>The id of the answer's first task when it can be read, else "7".</summary>
    private static string NamedTaskId(byte[] answer)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(answer);
            return LenientJson.TryGet(document.RootElement, "tasklist", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
                   && list.GetArrayLength() > 0 && LenientJson.Text(list[0], "id") is { Length: > 0 } id
                ? id
                : "7";
        }
        catch (System.Text.Json.JsonException)
        {
            return "7";
        }
    }

    private static void Accept<T>(Func<T> parse)
    {
        try
        {
            parse();
        }
        catch (WiroApiException)
        {
            // A Wiro exception is an accepted outcome for a damaged answer.
        }
    }

    /// <summary>The checks a file system makes, written apart from the client's own rules.</summary>
    private static void AssertSafeFileName(string name)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(name, Path.GetFileName(name));
        Assert.False(Path.IsPathRooted(name), name);
        Assert.DoesNotContain(name, c => c < 0x20 || c == 0x7F || "<>:\"/\\|?*".Contains(c));
        Assert.False(name is "." or "..", name);
        Assert.False(name.EndsWith('.') || name.EndsWith(' '), name);
        Assert.DoesNotContain(name.Split('.')[0].TrimEnd(), ReservedStems, StringComparer.OrdinalIgnoreCase);
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 255);
        var folder = Path.GetFullPath("out");
        Assert.Equal(folder, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, name))));
    }

    /// <summary>A sample as the one task of a Task/Detail answer, so task fragments reach the task parser too.</summary>
    private static byte[] AsTaskList(byte[] sample)
        => [.. """{"result":true,"errors":[],"total":"1","tasklist":["""u8, .. sample, .. "]}"u8];

    /// <summary>
    /// Structural edits on the parsed sample: a value replaced (by a hostile number, another hostile value, or bytes
    /// that are not UTF-8 or nest deeply), a value removed, or a property duplicated. Markers stand in for what JSON
    /// text cannot hold.
    /// </summary>
    private static byte[] Edit(byte[] sample, (int Kind, int Target, int Value)[] edits)
    {
        var root = JsonNode.Parse(sample);
        var raw = new List<(string Marker, byte[] Bytes)>();
        foreach (var (kind, target, value) in edits)
        {
            var nodes = Walk(root).ToList();
            // Mostly a scalar: that is where a parser reads values, and where a value out of range hurts.
            var scalars = nodes.Where(n => n is JsonValue).ToList();
            var node = kind < 3 && scalars.Count > 0 && target % 4 != 0 ? scalars[target / 4 % scalars.Count] : nodes[target % nodes.Count];
            var marker = "@@" + raw.Count + "@@";
            switch (kind)
            {
                case 0 or 1 or 2 when node is not null || nodes.Count == 1:
                    raw.Add((marker, Replacement(kind, value, node)));
                    if (node?.Parent is null)
                    {
                        root = JsonValue.Create(marker);
                    }
                    else
                    {
                        node!.ReplaceWith(marker);
                    }

                    break;
                case 3 when node?.Parent is JsonObject parent:
                    parent.Remove(node.GetPropertyName());
                    break;
                case 3 when node?.Parent is JsonArray array:
                    array.RemoveAt(node.GetElementIndex());
                    break;
                case 4 when node?.Parent is JsonObject parent:
                    raw.Add((marker, Encoding.UTF8.GetBytes(JsonValue.Create(node.GetPropertyName()).ToJsonString())));
                    parent[marker] = value % 2 == 0 ? node.DeepClone() : JsonValue.Create(Shapes[value % Shapes.Length]);
                    break;
            }
        }

        var text = root?.ToJsonString() ?? "null";
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var (marker, replacement) in raw)
        {
            bytes = Replace(bytes, Encoding.UTF8.GetBytes("\"" + marker + "\""), replacement);
        }

        return bytes;
    }

    /// <summary>
    /// Kind 0 replaces a value by a hostile one of its own family (a number for a number or a string of digits, text
    /// for text), kind 1 by any shape, kind 2 by bytes that are not UTF-8 or nest deeply.
    /// </summary>
    private static byte[] Replacement(int kind, int value, JsonNode? original)
    {
        if (kind < 2)
        {
            var values = kind == 1 ? Shapes : LooksNumeric(original) ? Numbers : Texts;
            return Encoding.UTF8.GetBytes(values[value % values.Length]);
        }

        var depth = 10 + (value % 300);
        return (value / 300 % 3) switch
        {
            0 => [(byte)'"', (byte)'x', .. NotUtf8[value % NotUtf8.Length], (byte)'"'],
            1 => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)),
            _ => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)),
        };
    }

    /// <summary>Byte-level damage after the edits, four times in ten: a flipped byte, a cut, bytes that are not UTF-8, a lone surrogate.</summary>
    private static byte[] Damage(byte[] answer, int damage, int position, int value)
    {
        if (answer.Length == 0)
        {
            return answer;
        }

        var at = position % answer.Length;
        var quote = Array.IndexOf(answer, (byte)'"', at) is var found and >= 0 ? found + 1 : at;
        return damage switch
        {
            1 => [.. answer[..at], (byte)value, .. answer[(at + 1)..]],
            2 => answer[..at],
            3 => [.. answer[..quote], .. NotUtf8[value % NotUtf8.Length], .. answer[quote..]],
            4 => [.. answer[..quote], .. "\\ud800"u8, .. answer[quote..]],
            _ => answer,
        };
    }

    private static bool LooksNumeric(JsonNode? node)
        => node is JsonValue value
           && (value.GetValueKind() == System.Text.Json.JsonValueKind.Number
               || (value.TryGetValue<string>(out var text) && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _)));

    private static IEnumerable<JsonNode?> Walk(JsonNode? node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    private static byte[] Replace(byte[] bytes, byte[] marker, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        return at < 0 ? bytes : [.. bytes[..at], .. replacement, .. bytes[(at + marker.Length)..]];
    }

    private static string Printable(byte[] answer)
        => answer.Length > 2000 ? $"{answer.Length} bytes, base64 {Convert.ToBase64String(answer)}" : Encoding.Latin1.GetString(answer);
}
