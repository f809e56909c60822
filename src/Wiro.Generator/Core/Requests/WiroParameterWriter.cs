#nullable enable
namespace Wiro;

using System.Collections.Generic;

/// <summary>
/// Receives a request's inputs; the client core writes them as JSON or as multipart/form-data. Every input of a tool
/// is written: one without a value goes as an empty string, the way Wiro's own form sends it, since Wiro refuses a
/// run that lacks one of the tool's keys.
/// </summary>
public abstract class WiroParameterWriter
{
    private protected WiroParameterWriter()
    {
    }

    /// <summary>Writes a string input; null is sent as an empty string.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    public abstract void WriteString(string name, string? value);

    /// <summary>Writes a whole-number input.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    public abstract void WriteNumber(string name, long value);

    /// <summary>Writes a number input.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    public abstract void WriteNumber(string name, double value);

    /// <summary>Writes a file input named <c>xUrl</c>: the URL there, or local bytes in part <c>x</c>; null is sent as an empty string.</summary>
    /// <param name="name">The wire name, ending in <c>Url</c>.</param>
    /// <param name="file">The file.</param>
    public abstract void WriteFile(string name, WiroFile? file);

    /// <summary>Writes a list of files (combinefileinput): URLs as a JSON array, or one multipart part per file.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="files">The files; null or empty is sent as an empty string.</param>
    public abstract void WriteFiles(string name, IReadOnlyList<WiroFile>? files);

    /// <summary>Writes a multiselect input as its values joined with commas; null or empty is sent as an empty string.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="values">The chosen values.</param>
    public abstract void WriteStringList(string name, IReadOnlyList<string>? values);
}
