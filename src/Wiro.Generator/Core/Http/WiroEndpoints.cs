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

    /// <summary>The Run endpoint of a tool.</summary>
    public Uri Run(string owner, string model)
    {
        var last = _lastRun;
        if (last is not null && string.Equals(last.Owner, owner, StringComparison.Ordinal) && string.Equals(last.Model, model, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        // Slugs may hold a space or a dot ("Robot v4.0"): escape each segment so it stays one path segment.
        var uri = new Uri(Base, string.Concat("Run/", Uri.EscapeDataString(owner), "/", Uri.EscapeDataString(model)));
        _lastRun = new RunEndpoint(owner, model, uri);
        return uri;
    }

    /// <summary>A tool's Run endpoint, kept whole so that concurrent runs never see half of an update.</summary>
    private sealed class RunEndpoint(string owner, string model, Uri uri)
    {
        public string Owner { get; } = owner;

        public string Model { get; } = model;

        public Uri Uri { get; } = uri;
    }
}
