#nullable enable
// Background responses (ChatOptions.AllowBackgroundResponses, ContinuationToken) are experimental before
// Microsoft.Extensions.AI.Abstractions 11: a caller who asks for them meets MEAI001 at that call, not in this code.
#pragma warning disable MEAI001
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// A Wiro LLM or chat tool as an <see cref="IChatClient"/>, built from a <see cref="WiroChatDescriptor"/>: no
/// reflection (NativeAOT-safe). Each call is a paid run of the tool. Safe for concurrent use.
/// </summary>
/// <remarks>
/// <para><b>Turns and conversations.</b> Wiro keeps a conversation per session id on its side, which is what
/// <see cref="ChatOptions.ConversationId"/> means here. With a conversation id, only the new user turn is sent as the
/// prompt (the text of the user messages after the last assistant message, joined by newlines) with that session id.
/// Without one, a new session id (a GUID) is made and returned as <see cref="ChatResponse.ConversationId"/> (and on every
/// update), so the next call continues it; if the messages already hold earlier turns (an assistant message), they
/// are sent in the prompt as a transcript, one <c>role: text</c> paragraph per message. A tool without a session input
/// gets no session id and returns none: its earlier turns always go in the prompt as that transcript. <see cref="ChatOptions.Instructions"/> and the system messages, joined by
/// newlines, go to the tool's system-prompt input when it has one. Images in the user's turn go to its image input
/// (<see cref="WiroChatDescriptor.ImageInput"/>): an http(s) <see cref="UriContent"/> as its URL, a
/// <see cref="DataContent"/> uploaded first (<see cref="WiroClient.UploadFileAsync"/>).</para>
/// <para><b>Options.</b> <see cref="ChatOptions.Temperature"/>, <see cref="ChatOptions.TopP"/>,
/// <see cref="ChatOptions.TopK"/>, <see cref="ChatOptions.MaxOutputTokens"/> and <see cref="ChatOptions.Seed"/> go to
/// the inputs the descriptor names for them, <c>AdditionalProperties["user_id"]</c> to its user-id input, and any other
/// entry of <see cref="ChatOptions.AdditionalProperties"/> whose key is an input's wire key to that input. A value an
/// input cannot take (of another kind, outside its choices) and an option the tool has no input for
/// (<see cref="ChatOptions.StopSequences"/>, penalties, <see cref="ChatOptions.ResponseFormat"/>, ...) are ignored, as
/// Microsoft.Extensions.AI providers do, and traced: each is an event <see cref="IgnoredOptionEvent"/> on the current
/// activity (<c>UseOpenTelemetry()</c>'s span), with the option and the reason. Every other input is sent as a default typed request sends it. Tools in
/// <see cref="ChatOptions.Tools"/> are not sent: Wiro's LLM tools take no function definitions.</para>
/// <para><b>Streaming.</b> <see cref="GetStreamingResponseAsync"/> follows the task's WebSocket and yields deltas of
/// Wiro's cumulative frames: the model's thinking as <see cref="TextReasoningContent"/>, the answer as
/// <see cref="TextContent"/>, every update with the task id as <see cref="ChatResponseUpdate.ResponseId"/> and
/// <see cref="ChatResponseUpdate.MessageId"/>, the conversation id and <c>owner/model</c> as model id. The outcome is
/// confirmed by Task/Detail, as every wait of the core: the final answer there completes the stream, so the deltas
/// joined (<c>ToChatResponseAsync</c>) are exactly the final answer, and the last update carries
/// <see cref="ChatFinishReason.Stop"/>, the cost (<c>wiro.cost</c>, a <see cref="decimal"/>), the last speed
/// (<c>wiro.speed</c>) and elapsed time (<c>wiro.elapsedTime</c>) in its <see cref="ChatResponseUpdate.AdditionalProperties"/>
/// and the <see cref="WiroTaskResult"/> as its raw representation. Without a WebSocket (or when it fails) the task is
/// polled and the whole answer comes in that last part. <see cref="GetResponseAsync"/> returns what joining the stream
/// makes, one message with the last update's properties, and the response shares that message's
/// <see cref="ChatResponse.AdditionalProperties"/> (the same dictionary), so the cost is read from either.</para>
/// <para><b>Background responses.</b> With <see cref="ChatOptions.AllowBackgroundResponses"/>, <see cref="GetResponseAsync"/>
/// returns as soon as Wiro took the run: no messages yet, and a <see cref="WiroChatContinuationToken"/> as
/// <see cref="ChatResponse.ContinuationToken"/>. Passing it back as <see cref="ChatOptions.ContinuationToken"/> (with no
/// messages) reads the task once: the same token while it runs, the whole response (and no token) once it ended. The
/// stream, with the option, first yields an update with no content and the token, and every update but the last
/// carries a token saying how much of the thinking and the answer it handed out: passed back to
/// <see cref="GetStreamingResponseAsync"/>, it follows the same task again from there, without a second run, so the
/// deltas of both streams joined are the whole answer. A token passed without the option waits for the end and returns
/// the whole response. The token holds the task's socket access token: keep it as you would the task.</para>
/// <para><b>Errors and cancellation.</b> A task that does not succeed is a <see cref="WiroTaskFailedException"/> with
/// Wiro's reason; a refused run a <see cref="WiroApiException"/>. Cancelling the token stops the stream at once (and
/// kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/> is set); leaving the loop early stops
/// following the task without killing it.</para>
/// </remarks>
public sealed class WiroChatClient : IChatClient
{
    /// <summary>The key of the cost (a <see cref="decimal"/>, Wiro's <c>totalcost</c>) in the last update's, the response's and its message's <c>AdditionalProperties</c>.</summary>
    public const string CostKey = "wiro.cost";

    /// <summary>The key of the last streamed speed (<c>12.5 t/s</c>) in the last update's <c>AdditionalProperties</c>.</summary>
    public const string SpeedKey = "wiro.speed";

    /// <summary>The key of the last streamed elapsed time (<c>3s</c>) in the last update's <c>AdditionalProperties</c>.</summary>
    public const string ElapsedTimeKey = "wiro.elapsedTime";

    /// <summary>The name of the event an ignored option leaves on the current activity.</summary>
    public const string IgnoredOptionEvent = "wiro.chat.option_ignored";

    private const string UserIdOption = "user_id";

    private readonly WiroClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Makes the chat client of a tool.</summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's chat data.</param>
    public WiroChatClient(WiroClient client, WiroChatDescriptor descriptor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _metadata = new ChatClientMetadata("wiro", client.Options.BaseAddress, descriptor.ModelId);
    }

    /// <summary>The data this client was made from.</summary>
    public WiroChatDescriptor Descriptor { get; }

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options?.ContinuationToken is not { } given)
        {
            return RespondAsync(messages, options, null, cancellationToken);
        }

        var token = Resuming(messages, given);
        return options.AllowBackgroundResponses == true
            ? PollAsync(token, cancellationToken)
            : RespondAsync(messages, options, token, cancellationToken);
    }

    /// <summary>
    /// One turn run (or, with <paramref name="resumed"/>, a background one followed again) to its end, as one
    /// response; a background run returns once Wiro took it.
    /// </summary>
    private async Task<ChatResponse> RespondAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, WiroChatContinuationToken? resumed, CancellationToken cancellationToken)
    {
        // The stream's updates, collected as they come (no channel, no second thread) and joined as
        // ToChatResponseAsync joins the stream; with none before the end (polling, or no LLM frames), the one message
        // that join would make is made directly.
        // As StartAsync and FollowIntoAsync do, without state machines of their own.
        WiroRunResult run;
        string? conversationId;
        if (resumed is not null)
        {
            (run, conversationId) = (resumed.Run, resumed.ConversationId);
        }
        else
        {
            var (values, turn, started) = Prepare(messages, options);
            await AttachImagesAsync(values, turn, cancellationToken).ConfigureAwait(false);
            values.TraceIgnored(IgnoredOptionEvent);
            var tool = Descriptor.Tool;
            run = await _client.RunAsync(tool.Owner, tool.Model, values.ToRequest(), cancellationToken).ConfigureAwait(false);
            conversationId = started;
            if (options?.AllowBackgroundResponses == true)
            {
                return Running(run, conversationId, Token(run, conversationId, 0, 0), run);
            }
        }

        var follower = new Follower(this, run, conversationId, null, null, tokens: false);
        var end = follower.End(await _client.WaitWithOutputAsync(run, follower, Descriptor.ModelId, cancellationToken, cancellationToken).ConfigureAwait(false));

        ChatResponse response;
        if (follower.Updates is not { } updates)
        {
            response = Whole(run, conversationId, end);
        }
        else
        {
            if (end.Added.Count > 0)
            {
                updates.Add(Update(run, conversationId, end.Added));
            }

            updates.Add(Last(run, conversationId, end));
            response = updates.ToChatResponse();
        }

        // The cost is the response's too: joining puts the last update's AdditionalProperties on the message, and the
        // response shares them (one dictionary, not a copy per call).
        response.AdditionalProperties = response.Messages[response.Messages.Count - 1].AdditionalProperties;
        return response;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        WiroRunResult run;
        string? conversationId;
        WiroChatContinuationToken? resumed = null;
        var tokens = options?.AllowBackgroundResponses == true;
        if (options?.ContinuationToken is { } given)
        {
            resumed = Resuming(messages, given);
            (run, conversationId, tokens) = (resumed.Run, resumed.ConversationId, true);
        }
        else
        {
            (run, conversationId) = await StartAsync(messages, options, cancellationToken).ConfigureAwait(false);
            if (tokens)
            {
                // The token as soon as Wiro took the run, before anything is followed: a caller may stop here and resume later.
                var started = Update(run, conversationId, new List<AIContent>());
                started.ContinuationToken = Token(run, conversationId, 0, 0);
                yield return started;
            }
        }

        var channel = Channel.CreateUnbounded<ChatResponseUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = FollowIntoAsync(run, conversationId, resumed, tokens, channel.Writer, stop.Token, cancellationToken);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var update))
                {
                    // Updates already read off the socket are not handed out once the caller cancelled.
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return update;
                }
            }
        }
        finally
        {
            // Reached early when the caller leaves the loop or cancels: stop following, and let the follower finish
            // (a kill on cancel included) before returning.
            stop.Cancel();
            try
            {
                await following.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
        => AdapterParts.GetService(serviceType, serviceKey, this, _metadata, Descriptor, _client);

    /// <summary>Nothing to release: the <see cref="WiroClient"/> is the caller's.</summary>
    public void Dispose()
    {
    }

    /// <summary>Starts the run of one turn: its values, its images, the Run call; returns the run and the conversation id.</summary>
    private async Task<(WiroRunResult Run, string? ConversationId)> StartAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var (values, turn, conversationId) = Prepare(messages, options);
        await AttachImagesAsync(values, turn, cancellationToken).ConfigureAwait(false);
        values.TraceIgnored(IgnoredOptionEvent);
        var tool = Descriptor.Tool;
        return (await _client.RunAsync(tool.Owner, tool.Model, values.ToRequest(), cancellationToken).ConfigureAwait(false), conversationId);
    }

    /// <summary>The run's values for one turn, the messages with where the user's turn starts, and the conversation id (a new one when none is given and the tool has a session input).</summary>
    private (ToolRunValues Values, Messages Turn, string? ConversationId) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var conversationId = Descriptor.SessionIdInput is null
            ? null
            : string.IsNullOrEmpty(options?.ConversationId) ? Guid.NewGuid().ToString() : options!.ConversationId;
        // A conversation id continues a session only where the tool takes one; else earlier turns go in the prompt.
        var turn = new Messages(messages);
        var values = Values(turn, options, conversationId, continuing: Descriptor.SessionIdInput is not null && !string.IsNullOrEmpty(options?.ConversationId));
        return (values, turn, conversationId);
    }

    /// <summary>
    /// The caller's messages, read once (copied only when they are not a list already), and the index of the last
    /// assistant message (-1 for none): the user's turn is what follows it.
    /// </summary>
    private readonly struct Messages
    {
        public Messages(IEnumerable<ChatMessage> messages)
        {
            All = messages as IReadOnlyList<ChatMessage> ?? new List<ChatMessage>(messages);
            LastAssistant = -1;
            for (var i = All.Count - 1; i >= 0; i--)
            {
                if (All[i] is { } message && message.Role == ChatRole.Assistant)
                {
                    LastAssistant = i;
                    break;
                }
            }
        }

        public IReadOnlyList<ChatMessage> All { get; }

        public int LastAssistant { get; }
    }

    /// <summary>Feeds the stream's channel on a thread of its own; never throws, the channel carries the outcome.</summary>
    private async Task FollowIntoAsync(
        WiroRunResult run, string? conversationId, WiroChatContinuationToken? resumed, bool tokens,
        ChannelWriter<ChatResponseUpdate> writer, CancellationToken waitToken, CancellationToken callerToken)
    {
        try
        {
            await Task.Yield();
            var follower = new Follower(this, run, conversationId, writer, resumed, tokens);
            var end = follower.End(await _client.WaitWithOutputAsync(run, follower, Descriptor.ModelId, waitToken, callerToken).ConfigureAwait(false));
            if (end.Added.Count > 0)
            {
                var added = Update(run, conversationId, end.Added);
                if (tokens)
                {
                    added.ContinuationToken = Token(run, conversationId, end.ThinkingLength, end.AnswerLength);
                }

                writer.TryWrite(added);
            }

            writer.TryWrite(Last(run, conversationId, end));
            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }

    /// <summary>
    /// One run followed: each <c>task_output</c> frame's deltas as an update, written to the stream's channel or (for
    /// <see cref="GetResponseAsync"/>, with no channel) kept in <see cref="Updates"/>; then the end (<see cref="End"/>).
    /// </summary>
    /// <param name="chat">The client whose updates these are.</param>
    /// <param name="run">The run followed.</param>
    /// <param name="conversationId">The conversation of the turn.</param>
    /// <param name="writer">The stream's channel; null for <see cref="GetResponseAsync"/>, which keeps the updates.</param>
    /// <param name="resumed">For a resumed stream, the token it resumes: its deltas start after what that token says was handed out.</param>
    /// <param name="tokens">Whether each update carries a continuation token (background responses).</param>
    private sealed class Follower(
        WiroChatClient chat, WiroRunResult run, string? conversationId, ChannelWriter<ChatResponseUpdate>? writer,
        WiroChatContinuationToken? resumed, bool tokens)
        : ITaskOutputReader
    {
        /// <summary>Made at the first LLM frame (none when the task is polled), or at once when resuming.</summary>
        private LlmDeltas? _deltas = resumed is null ? null : LlmDeltas.After(resumed.ThinkingLength, resumed.AnswerLength);

        /// <summary>The updates kept when there is no channel; null while there are none.</summary>
        public List<ChatResponseUpdate>? Updates { get; private set; }

        /// <summary>The socket's <c>task_output</c> messages (see <see cref="WiroClient.WaitWithOutputAsync"/>).</summary>
        public void Read(JsonElement message)
        {
            var deltas = _deltas ??= new LlmDeltas();
            if (deltas.Read(message) is not { } contents)
            {
                return;
            }

            var update = chat.Update(run, conversationId, contents);
            if (tokens)
            {
                update.ContinuationToken = chat.Token(run, conversationId, deltas.ThinkingLength, deltas.AnswerLength);
            }

            if (writer is null)
            {
                (Updates ??= new List<ChatResponseUpdate>()).Add(update);
            }
            else
            {
                writer.TryWrite(update);
            }
        }

        /// <summary>
        /// The end of the run: what the confirmed answer adds to the deltas, the last update's properties (cost, speed)
        /// and the task's result, which the caller hands out. A task that did not succeed is a <see cref="WiroTaskFailedException"/>.
        /// </summary>
        public End End(WiroTaskResult result)
        {
            if (!result.IsSuccess)
            {
                throw new WiroTaskFailedException(result);
            }

            var (thinking, answer, confirmed) = Final(result);
            var added = _deltas is null ? LlmDeltas.Whole(thinking, answer) : _deltas.Finish(thinking, answer, confirmed);
            var properties = new AdditionalPropertiesDictionary();
            if (result.Task.TotalCost is { } cost)
            {
                properties[CostKey] = cost;
            }

            if (_deltas?.Speed is { } speed)
            {
                properties[SpeedKey] = speed;
            }

            if (_deltas?.ElapsedTime is { } elapsed)
            {
                properties[ElapsedTimeKey] = elapsed;
            }

            var (thinkingLength, answerLength) = (_deltas?.ThinkingLength ?? 0, _deltas?.AnswerLength ?? 0);
            foreach (var content in added)
            {
                if (content is TextReasoningContent reasoning)
                {
                    thinkingLength += reasoning.Text.Length;
                }
                else if (content is TextContent text)
                {
                    answerLength += text.Text.Length;
                }
            }

            return new End(added, properties, result, thinkingLength, answerLength);
        }
    }

    /// <summary>What a followed run ends with (see <see cref="Follower.End"/>), and how much of the thinking and answer was then handed out.</summary>
    private readonly record struct End(
        List<AIContent> Added, AdditionalPropertiesDictionary Properties, WiroTaskResult Result, int ThinkingLength, int AnswerLength);

    /// <summary>The response of a run that ended, when nothing was streamed: one message with all of it.</summary>
    private ChatResponse Whole(WiroRunResult run, string? conversationId, End end)
    {
        var message = new ChatMessage(ChatRole.Assistant, end.Added) { MessageId = run.TaskId, AdditionalProperties = end.Properties };
        return new ChatResponse(message)
        {
            ResponseId = run.TaskId,
            ConversationId = conversationId,
            ModelId = Descriptor.ModelId,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    /// <summary>The response of a background run that has not ended: no messages, its token, and what was read of it.</summary>
    private ChatResponse Running(WiroRunResult run, string? conversationId, WiroChatContinuationToken token, object raw)
        => new(new List<ChatMessage>())
        {
            ResponseId = run.TaskId,
            ConversationId = conversationId,
            ModelId = Descriptor.ModelId,
            ContinuationToken = token,
            RawRepresentation = raw,
        };

    /// <summary>One Task/Detail read of a background run: the same token while it runs, the whole response once it ended.</summary>
    private async Task<ChatResponse> PollAsync(WiroChatContinuationToken token, CancellationToken cancellationToken)
    {
        var run = token.Run;
        var task = await _client.GetTaskByIdAsync(run.TaskId, cancellationToken).ConfigureAwait(false);
        if (!TaskWaiter.IsFinal(task.Status))
        {
            return Running(run, token.ConversationId, token, task);
        }

        var end = new Follower(this, run, token.ConversationId, null, null, tokens: false).End(new WiroTaskResult(task));
        var response = Whole(run, token.ConversationId, end);
        response.AdditionalProperties = end.Properties;
        return response;
    }

    /// <summary>
    /// The Wiro token of a call that continues a background response; refused with messages (a continued response
    /// takes none, as in Microsoft.Extensions.AI's own clients) and for a token of another tool.
    /// </summary>
    private WiroChatContinuationToken Resuming(IEnumerable<ChatMessage> messages, ResponseContinuationToken given)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        using (var any = messages.GetEnumerator())
        {
            if (any.MoveNext())
            {
                throw new InvalidOperationException("Messages are not allowed when continuing a background response using a continuation token.");
            }
        }

        var token = WiroChatContinuationToken.From(given);
        return string.Equals(token.ModelId, Descriptor.ModelId, StringComparison.Ordinal)
            ? token
            : throw new ArgumentException($"The continuation token is of the tool '{token.ModelId}', not of this client's '{Descriptor.ModelId}'.", "options");
    }

    private WiroChatContinuationToken Token(WiroRunResult run, string? conversationId, int thinkingLength, int answerLength)
        => new(Descriptor.ModelId, run.TaskId, run.SocketAccessToken, conversationId, thinkingLength, answerLength);

    /// <summary>The stream's last update: no content, the finish reason, the cost and speed, the task's result as its raw representation.</summary>
    private ChatResponseUpdate Last(WiroRunResult run, string? conversationId, End end)
    {
        var last = Update(run, conversationId, new List<AIContent>());
        last.FinishReason = ChatFinishReason.Stop;
        last.RawRepresentation = end.Result;
        last.AdditionalProperties = end.Properties;
        return last;
    }

    /// <summary>
    /// The final thinking and answer: the first output holding an LLM's content (<c>answer[]</c>, confirmed), else the
    /// task's <c>debugoutput</c> as the answer (older LLM tools answered only there; not confirmed, so it completes the
    /// streamed answer only when it continues it).
    /// </summary>
    private static (string Thinking, string Answer, bool Confirmed) Final(WiroTaskResult result)
    {
        foreach (var output in result.Outputs)
        {
            if (LlmDeltas.TryReadFinal(output.ContentJson, result.Task.DebugOutput, out var thinking, out var answer))
            {
                return (thinking, answer, true);
            }
        }

        return ("", result.Task.DebugOutput ?? "", false);
    }

    private ChatResponseUpdate Update(WiroRunResult run, string? conversationId, List<AIContent> contents)
        => new(ChatRole.Assistant, contents)
        {
            ResponseId = run.TaskId,
            MessageId = run.TaskId,
            ConversationId = conversationId,
            ModelId = Descriptor.ModelId,
        };

    /// <summary>The run's values: the turn, the session, the system prompt and the options the tool takes.</summary>
    private ToolRunValues Values(Messages messages, ChatOptions? options, string? conversationId, bool continuing)
    {
        var values = new ToolRunValues(Descriptor.Tool);
        var (prompt, system) = Turn(messages, options, continuing);

        // Options first, so the turn, session and system prompt always win over an AdditionalProperties entry of the same key.
        values.SetAdditional(options?.AdditionalProperties, UserIdOption, Descriptor.UserIdInput);
        if (options is not null)
        {
            values.Option(nameof(ChatOptions.Temperature), Descriptor.TemperatureInput, options.Temperature, options.Temperature);
            values.Option(nameof(ChatOptions.TopP), Descriptor.TopPInput, options.TopP, options.TopP);
            values.Option(nameof(ChatOptions.TopK), Descriptor.TopKInput, options.TopK, options.TopK);
            values.Option(nameof(ChatOptions.MaxOutputTokens), Descriptor.MaxOutputTokensInput, options.MaxOutputTokens, options.MaxOutputTokens);
            values.Option(nameof(ChatOptions.Seed), Descriptor.SeedInput, options.Seed, options.Seed);
            values.Option(nameof(ChatOptions.ModelId), Descriptor.ModelInput, string.IsNullOrEmpty(options.ModelId) ? null : options.ModelId,
                values.Choice(Descriptor.ModelInput, Descriptor.ModelChoices, options.ModelId));
            values.Option(nameof(ChatOptions.Reasoning), Descriptor.ReasoningInput, options.Reasoning?.Effort, ReasoningValue(options.Reasoning));
            values.Unsupported(nameof(ChatOptions.StopSequences), options.StopSequences is { Count: > 0 });
            values.Unsupported(nameof(ChatOptions.FrequencyPenalty), options.FrequencyPenalty is not null);
            values.Unsupported(nameof(ChatOptions.PresencePenalty), options.PresencePenalty is not null);
            values.Unsupported(nameof(ChatOptions.ResponseFormat), options.ResponseFormat is not null);
            values.Unsupported(nameof(ChatOptions.Tools), options.Tools is { Count: > 0 }, "Wiro's LLM tools take no function definitions");
            values.Unsupported(nameof(ChatOptions.ConversationId), !string.IsNullOrEmpty(options.ConversationId) && Descriptor.SessionIdInput is null,
                "the tool has no session input: earlier turns go in the prompt");
        }

        values.Unsupported(nameof(ChatOptions.Instructions), system is not null && Descriptor.SystemPromptInput is null, "the tool has no system-prompt input");
        values.Put(Descriptor.PromptInput, prompt);
        if (Descriptor.SessionIdInput is { } session)
        {
            values.Put(session, conversationId);
        }

        if (Descriptor.SystemPromptInput is { } systemInput && system is not null)
        {
            values.Put(systemInput, system);
        }

        return values;
    }

    /// <summary>
    /// The images of the user's turn (the user messages after the last assistant message) to the tool's image input: a
    /// <see cref="UriContent"/> image as its http(s) URL, a <see cref="DataContent"/> image uploaded first. A single
    /// file input takes the first; images the tool cannot take are noted as ignored.
    /// </summary>
    private Task AttachImagesAsync(ToolRunValues values, Messages turn, CancellationToken cancellationToken)
    {
        List<AIContent>? images = null;
        for (var i = turn.LastAssistant + 1; i < turn.All.Count; i++)
        {
            if (turn.All[i] is { } message && message.Role == ChatRole.User)
            {
                var contents = message.Contents;
                for (var j = 0; j < contents.Count; j++)
                {
                    if (ToolRunValues.IsFile(contents[j], "image"))
                    {
                        (images ??= new List<AIContent>()).Add(contents[j]);
                    }
                }
            }
        }

        if (images is null)
        {
            return Task.CompletedTask;
        }

        var keys = Descriptor.ImageInput is { } key ? new[] { key } : Array.Empty<string>();
        return values.AttachAsync(_client, keys, images, "images", "image", cancellationToken);
    }

    /// <summary>The reasoning select's value that names the effort asked (ignoring case); null when none does.</summary>
    private string? ReasoningValue(ReasoningOptions? reasoning)
    {
        if (reasoning?.Effort is not { } effort || Descriptor.ReasoningInput is not { } key
            || Descriptor.Tool.Inputs[Descriptor.Tool.IndexByKey[key]].AllowedValues is not { } allowed)
        {
            return null;
        }

        string[] names = effort switch
        {
            ReasoningEffort.None => ["none", "minimal", "off"],
            ReasoningEffort.Low => ["low"],
            ReasoningEffort.Medium => ["medium"],
            ReasoningEffort.High => ["high"],
            ReasoningEffort.ExtraHigh => ["xhigh", "extra_high", "extrahigh", "max", "maximum"],
            _ => [],
        };
        foreach (var name in names)
        {
            foreach (var value in allowed)
            {
                if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>The prompt (the new user turn, or a transcript of earlier turns when no conversation holds them) and the system text.</summary>
    private static (string Prompt, string? System) Turn(Messages messages, ChatOptions? options, bool continuing)
    {
        var system = default(Joined);
        system.Add("\n", options?.Instructions);
        var prompt = default(Joined);
        // The user's turn alone when a conversation holds the earlier ones (or there are none), else a transcript.
        var transcript = !continuing && messages.LastAssistant >= 0;
        var all = messages.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] is not { } message)
            {
                continue;
            }

            if (message.Role == ChatRole.System)
            {
                system.Add("\n", message.Text);
            }
            else if (transcript)
            {
                if (message.Text is { Length: > 0 } text)
                {
                    prompt.Add("\n\n", message.Role.Value + ": " + text);
                }
            }
            else if (i > messages.LastAssistant && message.Role == ChatRole.User)
            {
                prompt.Add("\n", message.Text);
            }
        }

        return (prompt.Text ?? throw new ArgumentException("The messages hold no new user turn with text to send.", nameof(messages)), system.Text);
    }

    /// <summary>Texts joined by separators, the empty ones left out; a builder only once there are two.</summary>
    private struct Joined
    {
        private string? _first;
        private StringBuilder? _more;

        /// <summary>The texts joined; null when none was added.</summary>
        public readonly string? Text => _more?.ToString() ?? _first;

        public void Add(string separator, string? part)
        {
            if (string.IsNullOrEmpty(part))
            {
                return;
            }

            if (_first is null)
            {
                _first = part;
            }
            else
            {
                (_more ??= new StringBuilder(_first)).Append(separator).Append(part);
            }
        }
    }
}
