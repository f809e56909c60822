using System.Text.RegularExpressions;
using CsCheck;
using Wiro.Specs;
using Wiro.Generator.Planning;
using Wiro.Generator.Tests.Infrastructure;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Planning;

/// <summary>
/// A documented status keeps its documented meaning whatever a spec lists it under; a spec that says otherwise is
/// warned at its line, and what a spec adds (statuses Wiro does not document) is additive only.
/// </summary>
public sealed class StatusMeaningTests
{
    private static readonly string[] DocumentedTerminal = ["task_postprocess_end", "task_cancel"];

    private static readonly string[] DocumentedRunning = DocumentedStatuses.All
        .Where(s => s.Meaning == StatusMeaning.Running)
        .Select(s => s.WireName)
        .ToArray();

    [Fact]
    public void The_documented_running_statuses_are_those_of_the_platform_notes()
    {
        Assert.Equal(
            ["task_queue", "task_accept", "task_preprocess_start", "task_preprocess_end", "task_assign", "task_start",
             "task_output", "task_output_full", "task_end", "task_postprocess_start", "task_error_full",
             "task_stream_ready", "task_stream_end", "task_cost"],
            DocumentedRunning);
    }

    [Fact]
    public void With_no_status_section_anywhere_the_documented_terminal_statuses_end_a_wait()
    {
        var plan = StatusPlan.Merge([]);

        Assert.Equal(DocumentedTerminal.Order(), Terminal(plan).Order());
    }

    [Fact]
    public void A_section_without_task_cancel_still_leaves_it_terminal()
    {
        var plan = StatusPlan.Merge([Section(completed: ["task_postprocess_end"], running: ["task_queue"])]);

        Assert.Contains("task_cancel", Terminal(plan));
    }

    [Fact]
    public void Task_queue_listed_as_completed_stays_running_and_task_cancel_listed_as_running_stays_terminal()
    {
        var plan = StatusPlan.Merge([Section(completed: ["task_queue", "task_end"], running: ["task_cancel", "task_postprocess_end"])]);

        Assert.Equal(DocumentedTerminal.Order(), Terminal(plan).Order());
    }

    [Fact]
    public void Task_error_is_never_terminal_on_its_own_the_waiter_ends_on_it_from_task_detail()
    {
        var plan = StatusPlan.Merge([Section(completed: ["task_error", "task_postprocess_end"], running: ["task_queue"])]);

        Assert.False(plan.Members.Single(m => m.WireName == "task_error").IsTerminal);
    }

    [Fact]
    public void An_undocumented_status_is_added_as_the_spec_lists_it()
    {
        var plan = StatusPlan.Merge([Section(completed: ["task_teleport_done"], running: ["task_warming_up"])]);

        Assert.True(plan.Members.Single(m => m.WireName == "task_teleport_done").IsTerminal);
        Assert.False(plan.Members.Single(m => m.WireName == "task_warming_up").IsTerminal);
    }

    [Fact]
    public void Any_sections_only_add_terminal_statuses_wiro_does_not_document()
    {
        var names = Gen.OneOf(
            Gen.Int[0, DocumentedStatuses.All.Count - 1].Select(i => DocumentedStatuses.All[i].WireName),
            Gen.Int[0, 5].Select(i => "task_custom_" + i));
        var section = Gen.Select(names.Array[0, 6], names.Array[0, 6]).Select((c, r) => Section(c, r));

        section.Array[0, 4].Sample(sections =>
        {
            var plan = StatusPlan.Merge(sections);
            var added = sections.SelectMany(s => s.Completed).Select(e => e.WireName)
                .Where(n => DocumentedStatuses.Find(n) is null);

            Assert.Equal(DocumentedTerminal.Concat(added).Distinct().Order(), Terminal(plan).Order());
            Assert.All(DocumentedStatuses.All, s => Assert.Contains(plan.Members, m => m.WireName == s.WireName));
        });
    }

    [Fact]
    public void WIRO013_at_each_listing_against_the_documented_meaning()
    {
        var page = new SpecBuilder("acme", "contrary")
            .Input("prompt", "text", "a")
            .Statuses(completed: ["task_queue", "task_postprocess_end", "task_custom"], running: ["task_cancel", "task_custom", "task_start"])
            .Build();

        var result = Parse(page);

        var warnings = result.Diagnostics.Where(d => d.Id == "WIRO013").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Equal(
            [LineOf(page, "- task_queue"), LineOf(page, "- task_cancel"), LastLineOf(page, "- task_custom")],
            warnings.Select(w => w.Location!.LineSpan.Start.Line));
        Assert.Equal(["task_queue", "task_cancel", "task_custom"], warnings.Select(w => w.MessageArgs[0]));
        Assert.Equal("- task_queue", page.Substring(warnings[0].Location!.Span.Start, warnings[0].Location!.Span.Length));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id != "WIRO013");
    }

    [Fact]
    public void WIRO013_is_reported_by_the_generator_and_the_code_still_compiles()
    {
        var page = new SpecBuilder("acme", "contrary")
            .Input("prompt", "text", "a")
            .Statuses(completed: ["task_queue"], running: ["task_start"])
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/contrary.wiro.md", page)]);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO013", warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("task_queue", warning.GetMessage());
        Assert.Equal("/specs/contrary.wiro.md", warning.Location.GetLineSpan().Path);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_contrary_spec_leaves_the_seeds_status_code_unchanged()
    {
        var seed = GeneratorHarness.ShippedSpecs();
        var contrary = new SpecBuilder("acme", "contrary")
            .Input("prompt", "text", "a")
            .Statuses(completed: ["task_queue", "task_start", "task_output"], running: ["task_postprocess_end", "task_accept"])
            .Build();

        var alone = GeneratorHarness.Run(seed).Sources["Wiro.WiroTaskStatus.g.cs"];
        var together = GeneratorHarness.Run([.. seed, new SpecInput("/specs/contrary.wiro.md", contrary)]).Sources["Wiro.WiroTaskStatus.g.cs"];

        Assert.Equal(alone, together);
        Assert.Equal(["TaskPostprocessEnd", "TaskCancel"], TerminalCases(alone));
    }

    [Fact]
    public void The_emitted_code_ends_a_wait_on_task_cancel_when_no_spec_lists_it()
    {
        var page = new SpecBuilder("acme", "nocancel")
            .Input("prompt", "text", "a")
            .Statuses(completed: ["task_postprocess_end"], running: ["task_queue", "task_start"])
            .Build();

        var status = GeneratorHarness.Run([new SpecInput("/specs/nocancel.wiro.md", page)]).Sources["Wiro.WiroTaskStatus.g.cs"];

        Assert.Equal(["TaskPostprocessEnd", "TaskCancel"], TerminalCases(status));
    }

    /// <summary>The members the emitted <c>IsTerminal</c> switch maps to true.</summary>
    private static string[] TerminalCases(string statusSource)
        => Regex.Matches(statusSource, @"WiroTaskStatus\.(\w+) => true,").Select(m => m.Groups[1].Value).ToArray();

    private static IEnumerable<string> Terminal(StatusPlan plan) => plan.Members.Where(m => m.IsTerminal).Select(m => m.WireName);

    private static StatusSection Section(string[] completed, string[] running)
        => new(completed.Select(n => new TaskStatusEntry(n, "listed")).ToEquatableArray(),
            running.Select(n => new TaskStatusEntry(n, "listed")).ToEquatableArray());

    private static int LastLineOf(string text, string needle)
        => text[..text.LastIndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n');
}
