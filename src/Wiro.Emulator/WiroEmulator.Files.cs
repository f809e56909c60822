using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>File/Upload, and serving uploads and task outputs without auth, as Wiro's CDN does.</summary>
public sealed partial class WiroEmulator
{
    private async Task UploadAsync(HttpContext context)
    {
        var file = context.Request.HasFormContentType ? context.Request.Form.Files.GetFile("file") : null;
        if (file is null)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status400BadRequest, 0, "A multipart field 'file' is required.").ConfigureAwait(false);
            return;
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted).ConfigureAwait(false);
        }

        var id = Guid.NewGuid().ToString("N");
        var name = string.IsNullOrEmpty(Path.GetFileName(file.FileName)) ? "upload" : Path.GetFileName(file.FileName);
        var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
        _uploads[id + "/" + name] = WiroOutputFile.Create(name, contentType, content);
        var folder = context.Request.Form["folderid"].FirstOrDefault();
        await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteStartArray("list");
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteString("contenttype", contentType);
            w.WriteString("size", content.Length.ToString(CultureInfo.InvariantCulture));
            w.WriteString("parentid", string.IsNullOrEmpty(folder) ? "root" : folder);
            w.WriteString("url", TaskJson.OutputUrl(ServerAddress, id, name).AbsoluteUri);
            w.WriteString("addedtime", TaskJson.Unix(_options.Clock.GetUtcNow()));
            w.WriteString("accesskey", id[..30]);
            w.WriteEndObject();
            w.WriteEndArray();
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// An upload, or an output of a task that has succeeded (404 before that, as the file does not exist yet), with
    /// Range support.
    /// </summary>
    private async Task ServeFileAsync(HttpContext context)
    {
        var folder = (string)context.Request.RouteValues["folder"]!;
        var name = (string)context.Request.RouteValues["name"]!;
        var file = _uploads.GetValueOrDefault(folder + "/" + name);
        if (file is null && _tasks.TryGetValue(folder, out var task) && task.Succeeded(_options.Clock.GetUtcNow()))
        {
            file = task.Outputs.FirstOrDefault(output => output.Name == name);
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // With Range support, as CDNs have, so a download cut short can be resumed.
        await Results.Bytes(file.Content, file.ContentType, enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }
}
