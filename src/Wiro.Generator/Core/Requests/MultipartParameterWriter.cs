#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

/// <summary>
/// Writes a run's inputs as multipart/form-data, used when local files travel with the run: a file input
/// <c>xUrl</c> sends its bytes in part <c>x</c> and an empty <c>xUrl</c>; a file list repeats its field.
/// </summary>
internal sealed class MultipartParameterWriter : WiroParameterWriter
{
    private readonly MultipartFormDataContent _content;

    public MultipartParameterWriter(MultipartFormDataContent content) => _content = content;

    public override void WriteString(string name, string? value) => _content.Add(new StringContent(value ?? ""), name);

    public override void WriteNumber(string name, long value)
        => _content.Add(new StringContent(value.ToString(CultureInfo.InvariantCulture)), name);

    public override void WriteNumber(string name, double value)
        => _content.Add(new StringContent(value.ToString("R", CultureInfo.InvariantCulture)), name);

    public override void WriteFile(string name, WiroFile? file)
    {
        if (file is null)
        {
            _content.Add(new StringContent(""), name);
            return;
        }

        if (!file.IsLocal)
        {
            _content.Add(new StringContent(file.Url!.AbsoluteUri), name);
            return;
        }

        var partName = name.EndsWith("Url", StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) : name;
        AddFile(partName, file);
        _content.Add(new StringContent(""), name);
    }

    public override void WriteFiles(string name, IReadOnlyList<WiroFile>? files)
    {
        if (files is null || files.Count == 0)
        {
            _content.Add(new StringContent(""), name);
            return;
        }

        foreach (var file in files)
        {
            if (file.IsLocal)
            {
                AddFile(name, file);
            }
            else
            {
                _content.Add(new StringContent(file.Url!.AbsoluteUri), name);
            }
        }
    }

    public override void WriteStringList(string name, IReadOnlyList<string>? values)
        => _content.Add(new StringContent(values is { Count: > 0 } ? string.Join(",", values) : ""), name);

    private void AddFile(string name, WiroFile file)
    {
        _content.Add(file.CreateContent(), name, file.FileName ?? name);
    }
}
