using System;
using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// Turns the text of one Wiro tool-spec page into a <see cref="ToolSpec"/> and diagnostics. Both layouts give the
/// same model: real pages with newlines, and pages whose whitespace runs were collapsed into single spaces.
/// </summary>
/// <remarks>
/// Truncation rule (WIRO004): a page is complete when its inputs section is followed by another section and it has
/// a "Task Status Information" section whose completed and running lists each hold a status; real pages always end
/// with that section. When the inputs section runs to the end of the text its last input may be cut: it is left
/// out, unless the text reached its options list (then every key before it is whole, and only its last option is
/// left out). Everything complete is kept and the spec is marked <see cref="ToolSpec.IsTruncated"/>.
/// </remarks>
public static class SpecParser
{
    /// <summary>Parses one page. Never throws, except <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static SpecParseResult Parse(string filePath, string text, CancellationToken cancellationToken)
    {
        var spec = new SpecText(filePath ?? string.Empty, text ?? string.Empty);
        try
        {
            return ParseCore(spec, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A parser bug must cost one spec, never the build; the message asks for the file to be reported.
            var failure = Diagnose.InternalError(spec.Location(0, 0), exception.GetType().Name + ": " + exception.Message);
            return new SpecParseResult(null, new[] { failure }.ToEquatableArray());
        }
    }

    private static SpecParseResult ParseCore(SpecText spec, CancellationToken cancellationToken)
    {
        var headings = Headings.Find(spec, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();

        var infoIndex = Headings.IndexOf(headings, SectionKind.BasicInfo);
        int infoFrom, infoTo, infoAt;
        if (infoIndex >= 0)
        {
            infoFrom = headings[infoIndex].ContentStart;
            infoTo = Headings.SectionEnd(headings, infoIndex, spec.Length);
            infoAt = headings[infoIndex].Start;
        }
        else
        {
            var runKey = spec.FindKey(BasicInfoReader.RunKey, 0, spec.Length);
            if (runKey < 0)
            {
                return Failed(Diagnose.NotASpec(spec.LineAt(0)));
            }

            infoFrom = 0;
            infoTo = FirstHeadingAfter(headings, runKey, spec.Length);
            infoAt = runKey;
        }

        var info = BasicInfoReader.Read(spec, infoFrom, infoTo);
        if (!info.HasRunEndpoint)
        {
            diagnostics.Add(Diagnose.MissingRunEndpoint(spec.LineAt(info.RunKeyPosition >= 0 ? info.RunKeyPosition : infoAt)));
        }
        else if (info.RunEndpointProblem() is { } problem)
        {
            var at = info.RunUrlPosition >= 0 ? info.RunUrlPosition : info.RunKeyPosition;
            diagnostics.Add(Diagnose.UnusableRunEndpoint(spec.LineAt(at), info.RunEndpoint, problem.Part, problem.Segment, problem.Problem));
        }

        var inputsIndex = Headings.IndexOf(headings, SectionKind.Inputs);
        if (inputsIndex < 0)
        {
            diagnostics.Add(Diagnose.MissingInputsSection(spec.LineAt(infoAt)));
        }

        if (diagnostics.Count > 0)
        {
            return new SpecParseResult(null, diagnostics.ToEquatableArray());
        }

        var inputsEnd = Headings.SectionEnd(headings, inputsIndex, spec.Length);
        var runsToEnd = inputsEnd >= spec.Length;
        var inputs = InputReader.Read(spec, headings[inputsIndex].ContentStart, inputsEnd, runsToEnd, diagnostics, cancellationToken);

        DiagnosticInfo? truncation = null;
        if (runsToEnd)
        {
            var cut = inputs.CutName.Length > 0 ? " '" + inputs.CutName + "'" : string.Empty;
            truncation = inputs.CutItemStart < 0
                ? Diagnose.Truncated(spec.LineAt(headings[inputsIndex].Start), "the inputs section runs to the end of the file")
                : Diagnose.Truncated(spec.LineAt(inputs.CutItemStart), inputs.CutKept
                    ? "the inputs section runs to the end of the file; input" + cut + " is kept without its last option, which may be cut"
                    : "the inputs section runs to the end of the file; its last input" + cut + " may be cut and is left out");
        }

        StatusSection? statuses = null;
        var statusIndex = Headings.IndexOf(headings, SectionKind.Status);
        if (statusIndex >= 0)
        {
            statuses = StatusReader.Read(spec, headings, statusIndex, diagnostics, out var complete, cancellationToken);
            if (!complete)
            {
                truncation ??= Diagnose.Truncated(spec.LineAt(headings[statusIndex].Start), "its task status lists are incomplete");
            }
        }
        else
        {
            truncation ??= Diagnose.Truncated(LastWord(spec), "it has no 'Task Status Information' section");
        }

        if (truncation is not null)
        {
            diagnostics.Add(truncation);
        }

        var model = new ToolSpec(
            spec.FilePath,
            info.ToolName,
            info.Description,
            info.Cover,
            info.Categories,
            info.Tags,
            info.RunEndpoint,
            info.Owner,
            info.Slug,
            info.TaskDetailEndpoint,
            inputs.Inputs.ToEquatableArray(),
            statuses,
            truncation is not null);
        return new SpecParseResult(model, diagnostics.ToEquatableArray());
    }

    private static SpecParseResult Failed(DiagnosticInfo diagnostic)
        => new(null, new[] { diagnostic }.ToEquatableArray());

    private static int FirstHeadingAfter(List<Heading> headings, int position, int textLength)
    {
        foreach (var heading in headings)
        {
            if (heading.Start > position)
            {
                return heading.Start;
            }
        }

        return textLength;
    }

    /// <summary>The last word of the page: where a page that stops early stops.</summary>
    private static LocationInfo LastWord(SpecText spec)
    {
        var end = spec.TrimEnd(0, spec.Length);
        var start = end;
        while (start > 0 && !SpecText.IsSpace(spec.Text[start - 1]))
        {
            start--;
        }

        return spec.Location(start, end);
    }
}
