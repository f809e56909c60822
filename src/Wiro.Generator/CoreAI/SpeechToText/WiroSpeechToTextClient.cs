#nullable enable
#pragma warning disable MEAI001 // ISpeechToTextClient is experimental in Microsoft.Extensions.AI; the warning reaches whoever uses it.
namespace Wiro;

using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// A Wiro speech-to-text tool as an <see cref="ISpeechToTextClient"/>, built from a <see cref="WiroSpeechToTextDescriptor"/>:
/// no reflection (NativeAOT-safe). Each call is a paid run. Task-based: the transcript comes when the task ends (not
/// Wiro's realtime sockets). Safe for concurrent use.
/// </summary>
/// <remarks>
/// <para><b>Request.</b> The audio stream is uploaded (<see cref="WiroClient.UploadFileAsync"/>; it is read, not
/// disposed) and its URL sent to the tool's audio input, named after the file when the stream is a
/// <see cref="FileStream"/>, else <c>audio</c> with the extension its first bytes show (WAV, MP3, Ogg, FLAC, WebM, MP4).
/// <see cref="SpeechToTextOptions.SpeechLanguage"/> goes to the language input (a select takes the option named by
/// the code, the code without its region, or the language's English name: <c>en-US</c> is Whisper's
/// <c>English</c>); any entry of <see cref="SpeechToTextOptions.AdditionalProperties"/> whose key is an input's wire key
/// to that input. What the tool cannot take is ignored and traced (<see cref="IgnoredOptionEvent"/>).</para>
/// <para><b>Response.</b> The transcript is the first text output (<c>text/*</c>, read into memory, at most
/// <see cref="MaxDataBytes"/>), else an inline answer's text, else the task's <c>debugoutput</c>; the response id is the
/// task id, the cost is in <c>AdditionalProperties["wiro.cost"]</c>, the raw representation the <see cref="WiroTaskResult"/>.
/// <see cref="GetStreamingTextAsync"/> yields that response as its updates.</para>
/// <para><b>Errors.</b> A task that does not succeed is a <see cref="WiroTaskFailedException"/>; a refused run a
/// <see cref="WiroApiException"/>. Cancelling stops the wait (and kills the task when
/// <see cref="WiroClientOptions.KillTaskOnCancel"/> is set).</para>
/// </remarks>
public sealed class WiroSpeechToTextClient : ISpeechToTextClient
{
    /// <summary>The name of the event an ignored option leaves on the current activity.</summary>
    public const string IgnoredOptionEvent = "wiro.speech_to_text.option_ignored";

    private readonly WiroClient _client;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Makes the speech-to-text client of a tool.</summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's speech-to-text data.</param>
    public WiroSpeechToTextClient(WiroClient client, WiroSpeechToTextDescriptor descriptor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _metadata = new SpeechToTextClientMetadata("wiro", client.Options.BaseAddress, descriptor.Tool.ModelId);
    }

    /// <summary>The data this client was made from.</summary>
    public WiroSpeechToTextDescriptor Descriptor { get; }

    /// <summary>The most bytes a text output is read into memory with: 64 MiB by default.</summary>
    public long MaxDataBytes { get; init; } = OutputData.DefaultMaxBytes;

    /// <inheritdoc/>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (audioSpeechStream is null)
        {
            throw new ArgumentNullException(nameof(audioSpeechStream));
        }

        var tool = Descriptor.Tool;
        var values = new ToolRunValues(tool);
        values.SetAdditional(options?.AdditionalProperties);
        if (options is not null)
        {
            values.Option(nameof(SpeechToTextOptions.SpeechLanguage), Descriptor.LanguageInput, string.IsNullOrEmpty(options.SpeechLanguage) ? null : options.SpeechLanguage,
                LanguageChoice.ValueFor(values, Descriptor.LanguageInput, Descriptor.LanguageChoices, options.SpeechLanguage));
            values.Unsupported(nameof(SpeechToTextOptions.TextLanguage),
                !string.IsNullOrEmpty(options.TextLanguage) && !string.Equals(options.TextLanguage, options.SpeechLanguage, StringComparison.OrdinalIgnoreCase),
                "the tool transcribes in the spoken language");
            values.Unsupported(nameof(SpeechToTextOptions.SpeechSampleRate), options.SpeechSampleRate is not null);
            values.Unsupported(nameof(SpeechToTextOptions.ModelId), !string.IsNullOrEmpty(options.ModelId) && options.ModelId != tool.ModelId, "the client runs one tool");
        }

        var (name, mediaType) = AudioFile.NameOf(audioSpeechStream);
        var url = await _client.UploadFileAsync(WiroFile.FromStream(audioSpeechStream, name, mediaType), cancellationToken).ConfigureAwait(false);
        values.Put(Descriptor.AudioInput, tool.Inputs[tool.IndexByKey[Descriptor.AudioInput]].Kind == WiroToolInputKind.FileUrlList
            ? new[] { url.AbsoluteUri }
            : url.AbsoluteUri);

        var result = await values.RunToEndAsync(_client, IgnoredOptionEvent, cancellationToken).ConfigureAwait(false);

        return new SpeechToTextResponse(await TranscriptAsync(result, cancellationToken).ConfigureAwait(false))
        {
            ResponseId = result.Task.Id,
            ModelId = tool.ModelId,
            RawRepresentation = result,
            AdditionalProperties = AdapterParts.CostOf(result),
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToSpeechToTextResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
        => AdapterParts.GetService(serviceType, serviceKey, this, _metadata, Descriptor, _client);

    /// <summary>Nothing to release: the <see cref="WiroClient"/> is the caller's.</summary>
    public void Dispose()
    {
    }

    /// <summary>The first text output, else an inline answer, else the debug output.</summary>
    private async Task<string> TranscriptAsync(WiroTaskResult result, CancellationToken cancellationToken)
    {
        foreach (var output in result.Outputs)
        {
            if (output.Url is not null && output.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = await OutputData.ReadAsync(output, MaxDataBytes, cancellationToken).ConfigureAwait(false);
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes).TrimStart('\uFEFF');
            }
        }

        foreach (var output in result.Outputs)
        {
            if (LlmDeltas.TryReadFinal(output.ContentJson, knownAnswer: null, out _, out var answer))
            {
                return answer;
            }
        }

        return result.Task.DebugOutput ?? "";
    }
}
