using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>
/// Chat tools (categories <c>llm</c>/<c>chat</c>, or inputs <c>prompt</c> with <c>session_id</c>) get
/// <c>ChatDescriptor</c> and <c>AsIChatClient()</c> only where the AI abstractions are referenced, planned by the
/// spec layer's <see cref="ChatPlanner"/>; other tools get neither.
/// </summary>
public sealed class ChatClientGenerationTests
{
    private static readonly MetadataReference AIAbstractions =
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location);

    private static readonly SpecInput[] Specs =
    [
        new("/specs/chat.wiro.md", new SpecBuilder("acme", "chat").Categories("llm", "chat")
            .Input("prompt", "textarea").Input("system_prompt", "textarea").Input("temperature", "float", "0.7").Input("session_id", "text").Build()),
        new("/specs/paint.wiro.md", new SpecBuilder("acme", "paint").Categories("text-to-image").Input("prompt", "text").Build()),
    ];

    [Fact]
    public void Only_chat_tools_get_AsIChatClient_and_only_with_the_AI_abstractions()
    {
        var plain = GeneratorHarness.Run(Specs);
        var withAI = GeneratorHarness.Run(Specs, compilation: GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(AIAbstractions));

        Assert.All(plain.Sources.Values, source => Assert.DoesNotContain("AsIChatClient", source, StringComparison.Ordinal));
        var chat = withAI.Sources["Wiro.Tools.Chat.g.cs"];
        Assert.Contains("public virtual global::Microsoft.Extensions.AI.IChatClient AsIChatClient()", chat, StringComparison.Ordinal);
        Assert.Contains("new global::Wiro.WiroChatDescriptor(FunctionDescriptor, \"prompt\")", chat, StringComparison.Ordinal);
        Assert.Contains("SessionIdInput = \"session_id\",", chat, StringComparison.Ordinal);
        Assert.Contains("SystemPromptInput = \"system_prompt\",", chat, StringComparison.Ordinal);
        Assert.Contains("TemperatureInput = \"temperature\",", chat, StringComparison.Ordinal);
        Assert.DoesNotContain("AsIChatClient", withAI.Sources["Wiro.Tools.Paint.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Wiro.AI.WiroChatClient.g.cs", withAI.Sources.Keys);
        Assert.Empty(withAI.CompilerProblems);
    }

    [Theory]
    [InlineData(new[] { "llm" }, new[] { "prompt" }, "prompt")]
    [InlineData(new[] { "Chat " }, new[] { "message", "text" }, "message")]
    [InlineData(new[] { "tool" }, new[] { "prompt", "session_id" }, "prompt")]
    [InlineData(new[] { "tool" }, new[] { "prompt", "sessionId" }, null)]          // by inputs only with the documented keys
    [InlineData(new[] { "text-to-image" }, new[] { "prompt" }, null)]
    [InlineData(new[] { "llm" }, new[] { "image" }, null)]                          // no input for the user's turn
    public void The_planner_decides_by_categories_or_by_prompt_with_session_id(string[] categories, string[] inputs, string? prompt)
    {
        var builder = new SpecBuilder("acme", "x").Categories(categories);
        foreach (var input in inputs)
        {
            builder.Input(input, input == "image" ? "fileinput" : "text");
        }

        var parsed = SpecParser.Parse("/specs/x.wiro.md", builder.Build(), CancellationToken.None);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, [], CancellationToken.None);

        Assert.Equal(prompt, ChatPlanner.Plan(parsed.Spec!, FunctionPlanner.Plan(parsed.Spec!, plan))?.PromptInput);
    }

    [Fact]
    public void A_select_is_not_free_text_and_a_number_takes_an_option_but_not_a_role()
    {
        var page = new SpecBuilder("acme", "x").Categories("llm")
            .Input("prompt", "select", "a", options: [("a", "A")])
            .Input("message", "textarea")
            .Input("session_id", "number")
            .Input("temperature", "select", "0.5", options: [("0.5", "Mid")])
            .Input("max_tokens", "number", "256")
            .Build();
        var parsed = SpecParser.Parse("/specs/x.wiro.md", page, CancellationToken.None);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, [], CancellationToken.None);

        var chat = ChatPlanner.Plan(parsed.Spec!, FunctionPlanner.Plan(parsed.Spec!, plan))!;

        Assert.Equal(new ChatPlan("message", null, null, null, null, null, null, "max_tokens", null), chat);
    }

    [Fact]
    public void The_chat_plan_travels_only_where_the_reference_is_and_an_unrelated_edit_stays_cached()
    {
        static IEnumerable<ToolResult> Tools(GeneratorRun run) => run.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Tool]
            .SelectMany(step => step.Outputs).Select(output => (ToolResult)output.Value);
        var compilation = GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(AIAbstractions);

        var plain = GeneratorHarness.Run(Specs);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Specs), compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", GeneratorHarness.ParseOptions));
        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Tools(plain), tool => Assert.Null(tool.Adapters));
        Assert.Equal(["prompt"], Tools(first).Where(tool => tool.Adapters?.Chat is not null).Select(tool => tool.Adapters!.Chat!.PromptInput));
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
