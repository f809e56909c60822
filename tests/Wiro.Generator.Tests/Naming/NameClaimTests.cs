using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Naming;

/// <summary>
/// No tool name, input name, type-name option or namespace can break the build: every name a tool creates is claimed
/// over the whole compilation, against the names the core uses and the names of every other tool.
/// </summary>
public sealed class NameClaimTests
{
    [Fact]
    public void Tool_slugs_named_like_what_the_core_uses_compile()
    {
        string[] slugs =
        [
            "System", "Task", "Uri", "Channel", "TimeSpan", "HttpMethod", "JsonValueKind", "StringComparison",
            "CancellationTokenSource", "WiroSigner", "WiroRetry", "WiroResponse", "Sign", "PostAsync", "DownloadAsync",
            "RunEndpoint", "WebSocketAddress", "WiroClient", "Dispose", "Options",
        ];
        var specs = slugs.Select(slug => new SpecInput($"/specs/{slug}.wiro.md",
            new SpecBuilder("acme", slug).Input("prompt", "text", "x").Build())).ToList();

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var client = run.OutputCompilation.GetTypeByMetadataName("Wiro.WiroClient")!;
        Assert.NotEmpty(client.GetMembers("TaskTool"));
        var renamed = run.GeneratorDiagnostics.Single(d => d.Location.GetLineSpan().Path == "/specs/Task.wiro.md");
        Assert.Equal("WIRO014", renamed.Id);
        Assert.Contains("'TaskTool'", renamed.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Input_names_that_clash_with_record_members_or_type_names_compile()
    {
        var spec = new SpecBuilder("acme", "coll")
            .Input("clone", "text", "x")
            .Input("wiroFile", "text", "x")
            .Input("imageUrl", "text", "https://example.com/a.png")
            .Input("mode", "select", "a", options: [("a", "A"), ("b", "B")])
            .Input("collMode", "text", "x")
            .Input("collWireValues", "text", "x")
            .Input("request", "select", "a", options: [("a", "A"), ("b", "B")])
            .Input("writer", "number", "")
            .Input("value", "select", "", options: [("a", "A")])
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/coll.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        var request = run.OutputCompilation.GetTypeByMetadataName("Wiro.CollRequest")!;
        Assert.Contains("Clone2", request.GetMembers().Select(m => m.Name));
        Assert.Contains("WiroFile", request.GetMembers().Select(m => m.Name));
        // The select "request" asks for the enum CollRequest, which the request record holds: it gets the next number.
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.CollRequest2"));
    }

    [Fact]
    public void Enums_and_clients_of_different_specs_never_share_a_name()
    {
        var specs = new[]
        {
            new SpecInput("/specs/flux.wiro.md", new SpecBuilder("bfl", "flux").Input("proMode", "select", "a", options: [("a", "A"), ("b", "B")]).Build()),
            new SpecInput("/specs/flux-pro.wiro.md", new SpecBuilder("bfl", "flux-pro").Input("mode", "select", "a", options: [("a", "A"), ("b", "B")]).Build()),
            new SpecInput("/specs/foo.wiro.md", new SpecBuilder("rt", "foo").Input("barClient", "select", "a", options: [("a", "A"), ("b", "B")]).Build()),
            new SpecInput("/specs/foo-bar.wiro.md", new SpecBuilder("rt", "foo-bar").Input("prompt", "text", "x").Build()),
        };

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        // The earlier file by ordinal path keeps a contested name ("flux-pro" sorts before "flux."); the later one is
        // numbered and told so.
        Assert.Contains("enum FluxProMode\n", run.Sources["Wiro.Tools.FluxPro.g.cs"]);
        Assert.Contains("enum FluxProMode2\n", run.Sources["Wiro.Tools.Flux.g.cs"]);
        Assert.Contains("class FooBarClient\n", run.Sources["Wiro.Tools.FooBar.g.cs"]);
        Assert.Contains("enum FooBarClient2\n", run.Sources["Wiro.Tools.Foo.g.cs"]);
        Assert.Equal(["/specs/flux.wiro.md", "/specs/foo.wiro.md"],
            run.GeneratorDiagnostics.Where(d => d.Id == "WIRO014").Select(d => d.Location.GetLineSpan().Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Claims_do_not_depend_on_the_order_files_arrive_in()
    {
        var specs = Enumerable.Range(0, 6).Select(i => new SpecInput($"/specs/t{i}.wiro.md",
            new SpecBuilder(i % 2 == 0 ? "alpha" : "beta", i < 3 ? "Upscaler" : "upscaler-mode")
                .Input("mode", "select", "a", options: [("a", "A")]).Build())).ToList();

        var forward = GeneratorHarness.Run(specs);
        var backward = GeneratorHarness.Run(Enumerable.Reverse(specs));

        Assert.Equal(forward.Sources.OrderBy(p => p.Key).ToList(), backward.Sources.OrderBy(p => p.Key).ToList());
        Assert.Equal(forward.GeneratorDiagnostics.Select(d => d.ToString()).Order(), backward.GeneratorDiagnostics.Select(d => d.ToString()).Order());
    }

    [Fact]
    public void Two_owners_of_one_slug_both_generate_owner_qualified_with_a_warning_at_each()
    {
        var specs = new[]
        {
            new SpecInput("/specs/alpha.wiro.md", new SpecBuilder("alpha", "Upscaler").Input("prompt", "text", "x").Build()),
            new SpecInput("/specs/beta.wiro.md", new SpecBuilder("beta", "Upscaler").Input("prompt", "text", "x").Build()),
        };

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        var client = run.OutputCompilation.GetTypeByMetadataName("Wiro.WiroClient")!;
        Assert.NotEmpty(client.GetMembers("AlphaUpscaler"));
        Assert.NotEmpty(client.GetMembers("BetaUpscaler"));
        Assert.Contains("public const string Owner = \"beta\";", run.Sources["Wiro.Tools.BetaUpscaler.g.cs"]);
        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "WIRO014").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("WiroTypeName", w.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_pinned_name_keeps_it_and_the_other_owner_is_qualified()
    {
        var specs = new[]
        {
            new SpecInput("/specs/b.wiro.md", new SpecBuilder("beta", "Upscaler").Input("prompt", "text", "x").Build()),
            new SpecInput("/specs/a.wiro.md", new SpecBuilder("alpha", "Upscaler").Input("prompt", "text", "x").Build(),
                new Dictionary<string, string> { ["WiroTypeName"] = "Upscaler" }),
        };

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.CompilerProblems);
        Assert.Contains("public const string Owner = \"alpha\";", run.Sources["Wiro.Tools.Upscaler.g.cs"]);
        Assert.Contains("Wiro.Tools.BetaUpscaler.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("WiroClient")]
    [InlineData("System")]
    [InlineData("Task")]
    [InlineData("1abc")]
    public void A_type_name_option_that_would_break_the_build_warns_and_the_default_is_used(string typeName)
    {
        var spec = new SpecInput("/specs/x.wiro.md", new SpecBuilder("acme", "thing").Input("prompt", "text", "x").Build(),
            new Dictionary<string, string> { ["WiroTypeName"] = typeName });

        var run = GeneratorHarness.Run([spec]);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO010", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("/specs/x.wiro.md", warning.Location.GetLineSpan().Path);
        Assert.Contains("Wiro.Tools.Thing.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilerProblems);
    }

    [Theory]
    [InlineData("Acme.System")]
    [InlineData("System")]
    [InlineData("Acme.global")]
    public void A_namespace_that_would_capture_the_core_warns_and_the_default_is_used(string ns)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), new Dictionary<string, string> { ["WiroNamespace"] = ns });

        Assert.Equal("WIRO011", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.WiroClient"));
        Assert.Empty(run.CompilerProblems);
    }

    [Theory]
    [InlineData("Acme.Task")]
    [InlineData("Acme.WiroClient")]
    [InlineData("Acme.Wiro")]
    public void Namespaces_the_core_does_not_qualify_with_are_accepted_and_compile(string ns)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), new Dictionary<string, string> { ["WiroNamespace"] = ns });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName(ns + ".WiroClient"));
        Assert.Empty(run.CompilerProblems);
    }
}
