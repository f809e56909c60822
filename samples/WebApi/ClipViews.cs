using Wiro;

namespace WebApi;

/// <summary>The answer to <c>POST /clips</c>.</summary>
internal sealed record ClipStarted(string TaskId, ClipLinks Links);

/// <summary>Where a clip can be read and followed. Task ids come from the server, so they are escaped into the path.</summary>
internal sealed record ClipLinks(string Self, string Events)
{
    public static ClipLinks For(string taskId)
    {
        var self = "/clips/" + Uri.EscapeDataString(taskId);
        return new ClipLinks(self, self + "/events");
    }
}

/// <summary>A progress event of <c>/events</c>: one update of <see cref="WiroClient.WatchAsync(WiroTask, CancellationToken)"/>.</summary>
internal sealed record ClipProgress(string Status, double? Percentage, string? Message)
{
    public static ClipProgress From(WiroTaskUpdate update) => new(update.Status.ToWireName(), update.Percentage, update.Message);
}

/// <summary>A clip's state (<c>GET /clips/{id}</c>, and the last event of <c>/events</c>), with links to its outputs.</summary>
internal sealed record ClipState(string TaskId, string Status, bool Finished, bool Succeeded, string? ExitCode, IReadOnlyList<ClipOutputLink> Outputs)
{
    public static ClipState From(WiroTask task)
    {
        var result = new WiroTaskResult(task);
        var succeeded = result.IsSuccess;
        var self = ClipLinks.For(task.Id).Self;
        var outputs = succeeded
            ? result.Outputs.Select((output, index) => new ClipOutputLink(index, output.Name, output.ContentType, output.Size, $"{self}/outputs/{index}")).ToArray()
            : [];
        return new ClipState(task.Id, task.RawStatus, task.Status.IsTerminal(), succeeded, task.ExitCode, outputs);
    }
}

/// <summary>One output of a clip: its safe name (never the server's raw one), type, size and where this API serves it.</summary>
internal sealed record ClipOutputLink(int Index, string Name, string ContentType, long? Size, string Href);

/// <summary>The <c>error</c> event of <c>/events</c>: why Wiro could not be followed to the end.</summary>
internal sealed record ClipError(string Error);
