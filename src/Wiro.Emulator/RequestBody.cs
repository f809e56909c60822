using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>
/// A request body read once, whatever its form: JSON properties (an array gives several values) or
/// multipart/urlencoded fields, with file parts listed apart.
/// </summary>
internal sealed class RequestBody
{
    private RequestBody(Dictionary<string, List<string>> fields, List<RecordedFile> files, bool isMalformed)
    {
        Fields = fields;
        Files = files;
        IsMalformed = isMalformed;
    }

    public Dictionary<string, List<string>> Fields { get; }

    public List<RecordedFile> Files { get; }

    /// <summary>True when a body was sent that is neither a form nor a JSON object.</summary>
    public bool IsMalformed { get; }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? First(string name) => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Reads the body of <paramref name="context"/>, once: later calls get the same object.</summary>
    public static async Task<RequestBody> ReadAsync(HttpContext context)
    {
        if (context.Items[typeof(RequestBody)] is RequestBody read)
        {
            return read;
        }

        var body = await ParseAsync(context).ConfigureAwait(false);
        context.Items[typeof(RequestBody)] = body;
        return body;
    }

    private static async Task<RequestBody> ParseAsync(HttpContext context)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        if (context.Request.HasFormContentType)
        {
            // The form is cached on the request, so File/Upload reads the same parts again for their bytes.
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (key, values) in form)
            {
                fields[key] = values.Select(v => v ?? "").ToList();
            }

            files.AddRange(form.Files.Select(file => new RecordedFile(file.Name, file.FileName, file.Length)));
            return new RequestBody(fields, files, isMalformed: false);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return new RequestBody(fields, files, isMalformed: false);
        }

        try
        {
            using var json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Malformed(fields, files, buffer);
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(Scalar).ToList()
                    : [Scalar(property.Value)];
            }

            return new RequestBody(fields, files, isMalformed: false);
        }
        catch (JsonException)
        {
            return Malformed(fields, files, buffer);
        }

        static string Scalar(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    private static RequestBody Malformed(Dictionary<string, List<string>> fields, List<RecordedFile> files, MemoryStream buffer)
    {
        // Kept under a name no real field has, so a test can still see what was sent.
        fields["<malformed>"] = [Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)];
        return new RequestBody(fields, files, isMalformed: true);
    }
}
