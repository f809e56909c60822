#nullable enable
namespace Wiro;

using System;

/// <summary>
/// The API's addresses under one base address, resolved once rather than per call: each <c>new Uri(base, path)</c>
/// allocated about 0.5 KB on every Task/Detail. A tool's Run endpoint is kept for the last tool asked, since generated
/// clients pass the same constant strings every time and escaping and parsing the URI would otherwise be a good share
/// of a run's own cost.
/// </summary>
internal sealed class WiroEndpoints
{
    private volatile RunEndpoint? _lastRun;

    public WiroEndpoints(Uri baseAddress)
    {
        var address = baseAddress.AbsoluteUri;
        Base = new Uri(address.EndsWith("/", StringComparison.Ordinal) ? address : address + "/");
        TaskDetail = new Uri(Base, "Task/Detail");
        TaskCancel = new Uri(Base, "Task/Cancel");
        TaskKill = new Uri(Base, "Task/Kill");
        FileUpload = new Uri(Base, "File/Upload");
    }

    /// <summary>The base address, ending in <c>/</c>; signed calls go to its origin only (see <see cref="ApiOrigin"/>).</summary>
    public Uri Base { get; }

    public Uri TaskDetail { get; }

    public Uri TaskCancel { get; }

    public Uri TaskKill { get; }

    public Uri FileUpload { get; }

    /// <summary>
    /// The Run endpoint of a tool, always <c>{Base}Run/{owner}/{model}</c>. Each part must be one path segment as
    /// written: empty, <c>.</c>, <c>..</c> and parts holding <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c>, <c>%</c> or a
    /// control character are refused (<see cref="ArgumentException"/> naming <c>owner</c> or <c>model</c>), since a
    /// URI reads them as a step up, a separator, a query, a fragment or an escape; anything else is escaped (slugs
    /// hold spaces and dots: <c>Robot v4.0</c>). The URI built is checked to be exactly that path under the base.
    /// </summary>
    public Uri Run(string owner, string model)
    {
        var last = _lastRun;
        if (last is not null && string.Equals(last.Owner, owner, StringComparison.Ordinal) && string.Equals(last.Model, model, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        RequireSegment(owner, nameof(owner));
        RequireSegment(model, nameof(model));

        // Slugs may hold a space or a dot ("Robot v4.0"): escape each segment so it stays one path segment.
        var ownerPath = "Run/" + Uri.EscapeDataString(owner) + "/";
        var path = ownerPath + Uri.EscapeDataString(model);
        var uri = new Uri(Base, path);
        if (!IsUnderBase(uri, path))
        {
            // Not reached with the rules above; kept so that no rule of Uri's own can move a signed run elsewhere.
            throw new ArgumentException(
                $"The Run endpoint of the tool would not stay under {Base}Run/ (it became {uri.AbsoluteUri}).",
                IsUnderBase(new Uri(Base, ownerPath), ownerPath) ? nameof(model) : nameof(owner));
        }

        _lastRun = new RunEndpoint(owner, model, uri);
        return uri;
    }

    /// <summary>Whether <paramref name="uri"/> is exactly <paramref name="path"/> under the base, as written.</summary>
    private bool IsUnderBase(Uri uri, string path)
        => uri.AbsoluteUri.Length == Base.AbsoluteUri.Length + path.Length
           && uri.AbsoluteUri.StartsWith(Base.AbsoluteUri, StringComparison.Ordinal)
           && uri.AbsoluteUri.EndsWith(path, StringComparison.Ordinal);

    /// <summary>Refuses a Run endpoint part that a URI would not keep as one path segment of its own.</summary>
    private static void RequireSegment(string value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("Both the owner and the model of the tool are required.", parameter);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"The tool's {parameter} '{value}' is a dot segment: the Run endpoint would leave Run/.", parameter);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '?' or '#' or '%' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The tool's {parameter} holds '{(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}', which a URI does not keep inside one path segment.",
                    parameter);
            }
        }
    }

    /// <summary>A tool's Run endpoint, kept whole so that concurrent runs never see half of an update.</summary>
    private sealed class RunEndpoint(string owner, string model, Uri uri)
    {
        public string Owner { get; } = owner;

        public string Model { get; } = model;

        public Uri Uri { get; } = uri;
    }
}
