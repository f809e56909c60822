#nullable enable
#pragma warning disable MEAI001 // ITextToSpeechClient is experimental in Microsoft.Extensions.AI; the warning reaches whoever uses it.
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// A Wiro text-to-speech tool as an <see cref="ITextToSpeechClient"/>, built from a <see cref="WiroTextToSpeechDescriptor"/>:
/// no reflection (NativeAOT-safe). Each call is a paid run. Task-based: the audio comes when the task ends (not Wiro's
/// realtime sockets). Safe for concurrent use.
/// </summary>
/// <remarks>
/// <para><b>Request.</b> The text goes to the tool's text input; <see cref="TextToSpeechOptions.VoiceId"/> to its voice
/// input (a select takes a voice by value or by label: <c>Rachel</c> or <c>21m00Tcm4TlvDq8ikWAM</c>);
/// <see cref="TextToSpeechOptions.ModelId"/> to its model select; <see cref="TextToSpeechOptions.Language"/> to its
/// language input (as a code, its language or its English name); <see cref="TextToSpeechOptions.Speed"/> to its speed
/// input; <see cref="TextToSpeechOptions.AudioFormat"/> (<c>mp3</c> or <c>audio/mpeg</c>) to its format select; any entry
/// of <see cref="TextToSpeechOptions.AdditionalProperties"/> whose key is an input's wire key to that input. What the
/// tool cannot take (pitch, volume) is ignored and traced (<see cref="IgnoredOptionEvent"/>).</para>
/// <para><b>Response.</b> The task's audio outputs (every file output when none is audio), each read into memory (at
/// most <see cref="MaxDataBytes"/> for them all) as a <see cref="DataContent"/> with its media type and name, its raw
/// representation the <see cref="WiroOutput"/> (whose URL stays valid for a while); the response id is the task id, the
/// cost is in <c>AdditionalProperties["wiro.cost"]</c>. <see cref="GetStreamingAudioAsync"/> yields that response as
/// its updates.</para>
/// <para><b>Errors.</b> A task that does not succeed is a <see cref="WiroTaskFailedException"/>; a refused run a
/// <see cref="WiroApiException"/>; a task that made no file a <see cref="WiroMalformedResponseException"/>.
/// Cancelling stops the wait (and kills the task when <see cref="WiroClientOptions.KillTaskOnCancel"/> is set).</para>
/// </remarks>
public sealed class WiroTextToSpeechClient : ITextToSpeechClient
{
    /// <summary>The name of the event an ignored option leaves on the current activity.</summary>
    public const string IgnoredOptionEvent = "wiro.text_to_speech.option_ignored";

    private readonly WiroClient _client;
    private readonly TextToSpeechClientMetadata _metadata;

    /// <summary>Makes the text-to-speech client of a tool.</summary>
    /// <param name="client">The client that signs and sends its runs.</param>
    /// <param name="descriptor">The tool's text-to-speech data.</param>
    public WiroTextToSpeechClient(WiroClient client, WiroTextToSpeechDescriptor descriptor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _metadata = new TextToSpeechClientMetadata("wiro", client.Options.BaseAddress, descriptor.Tool.ModelId);
    }

    /// <summary>The data this client was made from.</summary>
    public WiroTextToSpeechDescriptor Descriptor { get; }

    /// <summary>The most bytes a response's audio outputs are read into memory with, together: 64 MiB by default.</summary>
    public long MaxDataBytes { get; init; } = OutputData.DefaultMaxBytes;

    /// <inheritdoc/>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length == 0)
        {
            throw new ArgumentException("There is no text to speak.", nameof(text));
        }

        var tool = Descriptor.Tool;
        var values = new ToolRunValues(tool);
        values.SetAdditional(options?.AdditionalProperties);
        if (options is not null)
        {
            values.Option(nameof(TextToSpeechOptions.VoiceId), Descriptor.VoiceInput, NullIfEmpty(options.VoiceId),
                values.Choice(Descriptor.VoiceInput, Descriptor.VoiceChoices, options.VoiceId));
            if (options.ModelId != tool.ModelId)
            {
                values.Option(nameof(TextToSpeechOptions.ModelId), Descriptor.ModelInput, NullIfEmpty(options.ModelId),
                    values.Choice(Descriptor.ModelInput, Descriptor.ModelChoices, options.ModelId));
            }

            values.Option(nameof(TextToSpeechOptions.Language), Descriptor.LanguageInput, NullIfEmpty(options.Language),
                LanguageChoice.ValueFor(values, Descriptor.LanguageInput, Descriptor.LanguageChoices, options.Language));
            values.Option(nameof(TextToSpeechOptions.Speed), Descriptor.SpeedInput, options.Speed, options.Speed);
            values.Option(nameof(TextToSpeechOptions.AudioFormat), Descriptor.FormatInput, NullIfEmpty(options.AudioFormat), Format(values, options.AudioFormat));
            values.Unsupported(nameof(TextToSpeechOptions.Pitch), options.Pitch is not null);
            values.Unsupported(nameof(TextToSpeechOptions.Volume), options.Volume is not null);
        }

        values.Put(Descriptor.TextInput, text);
        var result = await values.RunToEndAsync(_client, IgnoredOptionEvent, cancellationToken).ConfigureAwait(false);

        var audio = AdapterParts.FilesOf(result, "audio/", Descriptor.Tool.ModelId);
        return new TextToSpeechResponse(await AdapterParts.DataContentsAsync(audio, MaxDataBytes, cancellationToken).ConfigureAwait(false))
        {
            ResponseId = result.Task.Id,
            ModelId = tool.ModelId,
            RawRepresentation = result,
            AdditionalProperties = AdapterParts.CostOf(result),
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToTextToSpeechResponseUpdates())
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

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;


    /// <summary>The format select's value for <c>mp3</c> or <c>audio/mpeg</c>; null when it offers none.</summary>
    private string? Format(ToolRunValues values, string? format)
    {
        if (string.IsNullOrEmpty(format) || Descriptor.FormatInput is not { } key)
        {
            return null;
        }

        var slash = format!.IndexOf('/');
        var name = (slash < 0 ? format : format.Substring(slash + 1)).ToLowerInvariant();
        name = name switch { "mpeg" or "mp3" => "mp3", "x-wav" or "wave" or "wav" => "wav", _ => name };
        return values.Choice(key, Array.Empty<KeyValuePair<string, string>>(), name);
    }
}
