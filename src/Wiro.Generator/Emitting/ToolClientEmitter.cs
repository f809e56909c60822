using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>Writes a tool's typed client and the <c>WiroClient</c> member that reaches it.</summary>
internal static class ToolClientEmitter
{
    public static void Write(SourceWriter writer, ToolPlan plan, EmitContext context, FunctionPlan? function = null, AdapterPlans? adapters = null)
    {
        WriteClient(writer, plan, context, function, adapters);
        writer.WriteLine();
        if (context.CoreIsReferenced)
        {
            WriteExtensionAccessor(writer, plan, context);
        }
        else
        {
            WritePartialAccessor(writer, plan, context);
        }
    }

    // Not sealed, with virtual calls and a protected parameterless constructor, so a user's tests can substitute it
    // (the Azure SDK's pattern): an interface per tool would be one more name per tool to claim.
    private static void WriteClient(SourceWriter writer, ToolPlan plan, EmitContext context, FunctionPlan? function, AdapterPlans? adapters)
    {
        var client = plan.Names.Client;
        var wiroClient = context.Qualify("WiroClient");
        var request = context.Qualify(plan.Names.Request);
        writer.WriteLine($"/// <summary>Runs the Wiro tool <c>{Escape.XmlDocText(plan.ToolName)}</c>.</summary>");
        if (plan.Description.Length > 0)
        {
            writer.WriteLine($"/// <remarks>{Escape.XmlDocText(plan.Description)}</remarks>");
        }

        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{context.Accessibility}} partial class {{client}}
            {
                /// <summary>The owner segment of the tool's Run endpoint.</summary>
                public const string Owner = {{Escape.StringLiteral(plan.Owner)}};

                /// <summary>The model segment of the tool's Run endpoint.</summary>
                public const string Model = {{Escape.StringLiteral(plan.Slug)}};

                private readonly {{wiroClient}}? _client;

                /// <summary>For mocking in tests: a client made this way has no <c>WiroClient</c>, so a call not overridden throws <see cref="global::System.InvalidOperationException"/>.</summary>
                protected {{client}}()
                {
                }

                /// <summary>Creates the tool client over a <see cref="{{wiroClient}}"/>, which signs and sends its requests.</summary>
                /// <param name="client">The client that signs and sends requests.</param>
                public {{client}}({{wiroClient}} client)
                {
                    _client = client ?? throw new global::System.ArgumentNullException(nameof(client));
                }

                /// <summary>Starts a task and returns as soon as Wiro has queued it.</summary>
                /// <param name="request">The tool's inputs.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The task id and socket access token of the new task.</returns>
                public virtual global::System.Threading.Tasks.Task<{{context.Qualify("WiroRunResult")}}> RunAsync({{request}} request, global::System.Threading.CancellationToken cancellationToken = default)
                    => Client.RunAsync(Owner, Model, request, cancellationToken);

                /// <summary>Starts a task and waits until it ends, reporting progress on the way.</summary>
                /// <param name="request">The tool's inputs.</param>
                /// <param name="progress">Receives status changes, progress and log lines; may be null.</param>
                /// <param name="cancellationToken">Stops waiting (and, if configured, kills the task).</param>
                /// <returns>The outcome of the task, with its outputs when it succeeded.</returns>
                public virtual global::System.Threading.Tasks.Task<{{context.Qualify("WiroTaskResult")}}> RunAndWaitAsync({{request}} request,
                    global::System.IProgress<{{context.Qualify("WiroTaskUpdate")}}>? progress = null,
                    global::System.Threading.CancellationToken cancellationToken = default)
                    => Client.RunAndWaitAsync(Owner, Model, request, progress, cancellationToken);

                private {{wiroClient}} Client => _client ?? throw new global::System.InvalidOperationException(
                    "This client was made for mocking (protected constructor): override the calls the test uses.");
            """);
        if (function is not null)
        {
            writer.Indentation++;
            AIFunctionsEmitter.WriteClientMembers(writer, function, context);
            if (adapters?.Chat is { } chat)
            {
                ChatClientEmitter.WriteClientMembers(writer, chat, context);
            }

            if (adapters?.Image is { } image)
            {
                ImageGeneratorEmitter.WriteClientMembers(writer, image, context);
            }

            if (adapters?.SpeechToText is { } speechToText)
            {
                SpeechClientsEmitter.WriteSpeechToText(writer, speechToText, context);
            }

            if (adapters?.TextToSpeech is { } textToSpeech)
            {
                SpeechClientsEmitter.WriteTextToSpeech(writer, textToSpeech, context);
            }

            writer.Indentation--;
        }

        writer.WriteLine("}");
    }

    private static void WritePartialAccessor(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var field = plan.Names.ClientField;
        var client = context.Qualify(plan.Names.Client);
        writer.WriteLine($$"""
            partial class WiroClient
            {
                private {{client}}? {{field}};

                /// <summary>The Wiro tool <c>{{Escape.XmlDocText(plan.ToolName)}}</c>.</summary>
                public {{client}} {{plan.Names.Stem}} => {{field}} ??= new {{client}}(this);
            }
            """);
    }

    /// <summary>
    /// When the core lives in a referenced project its <c>WiroClient</c> cannot take more partial members, so the
    /// tool is reached through an extension: a property on C# 14, a method before it.
    /// </summary>
    private static void WriteExtensionAccessor(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var tool = Escape.XmlDocText(plan.ToolName);
        var client = context.Qualify(plan.Names.Client);
        var wiroClient = context.Qualify("WiroClient");
        writer.WriteLine($$"""
            /// <summary>Reaches <see cref="{{client}}"/> from a <see cref="{{wiroClient}}"/>.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{context.Accessibility}} static partial class {{plan.Names.Extensions}}
            {
            """);
        writer.Indentation++;
        if (context.SupportsExtensionProperties)
        {
            writer.WriteLine($$"""
                /// <param name="client">The client that signs and sends requests.</param>
                extension({{wiroClient}} client)
                {
                    /// <summary>The Wiro tool <c>{{tool}}</c>.</summary>
                    public {{client}} {{plan.Names.Stem}} => new {{client}}(client);
                }
                """);
        }
        else
        {
            writer.WriteLine($$"""
                /// <summary>The Wiro tool <c>{{tool}}</c>.</summary>
                /// <param name="client">The client that signs and sends requests.</param>
                /// <returns>A client for the tool.</returns>
                public static {{client}} {{plan.Names.Stem}}(this {{wiroClient}} client) => new {{client}}(client);
                """);
        }

        writer.Indentation--;
        writer.WriteLine("}");
    }
}
