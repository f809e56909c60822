#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>
/// The values of one run an adapter (chat client, image generator, speech clients) makes from a Microsoft.Extensions.AI
/// call: each value checked against its input as a function argument is (<see cref="ToolFunctionArguments"/>), files
/// attached by URL or uploaded, and each option the tool cannot take noted and traced, as Microsoft.Extensions.AI
/// providers ignore what they cannot send.
/// </summary>
internal sealed class ToolRunValues
{
    /// <summary>Why an option is ignored when the tool has no input for it.</summary>
    public const string NoInput = "the tool has no input for it";

    /// <summary>Why an option is ignored when its input cannot take the value given.</summary>
    public const string DoesNotFit = "the tool's input cannot take the value";

    private readonly WiroToolFunctionDescriptor _tool;
    private List<KeyValuePair<string, string>>? _ignored;

    public ToolRunValues(WiroToolFunctionDescriptor tool)
    {
        _tool = tool;
        Values = new object?[tool.Inputs.Count];
    }

    /// <summary>By input index, as <see cref="ToolFunctionRequest"/> takes them; null sends the input's default.</summary>
    public object?[] Values { get; }

    /// <summary>The run's request.</summary>
    public WiroRequest ToRequest() => new ToolFunctionRequest(_tool, Values);

    /// <summary>
    /// Traces what was ignored (<see cref="TraceIgnored"/>), runs the tool and waits for its end; a task that does not
    /// succeed is a <see cref="WiroTaskFailedException"/>. What the task-based adapters (image, speech) all do.
    /// </summary>
    public async Task<WiroTaskResult> RunToEndAsync(WiroClient client, string ignoredEvent, CancellationToken cancellationToken)
    {
        TraceIgnored(ignoredEvent);
        var result = await client.RunAndWaitAsync(_tool.Owner, _tool.Model, ToRequest(), null, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? result : throw new WiroTaskFailedException(result);
    }

    /// <summary>Sets an input the adapter has already shaped (a prompt, a session id).</summary>
    public void Put(string key, object? value) => Values[_tool.IndexByKey[key]] = value;

    /// <summary>Sets an input when the tool has it and the value fits it (as a function argument would be checked); false when it does not.</summary>
    public bool TrySet(string? key, object? value)
    {
        if (key is null || value is null || !_tool.IndexByKey.TryGetValue(key, out var index))
        {
            return false;
        }

        var input = _tool.Inputs[index];
        if (value is float single)
        {
            // 0.7f is 0.699999988... as a double; its shortest text is what the caller meant.
            value = double.Parse(single.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (input.Kind == WiroToolInputKind.String && value is IFormattable formattable and not Enum)
        {
            value = formattable.ToString(null, CultureInfo.InvariantCulture);
        }

        List<string>? problems = null;
        var read = ToolFunctionArguments.Read(_tool, new[] { new KeyValuePair<string, object?>(key, value) }, ref problems);
        if (problems is null && read[index] is { } fitted)
        {
            Values[index] = fitted;
            return true;
        }

        return false;
    }

    /// <summary>An option given (<paramref name="given"/> not null) goes to its input as <paramref name="value"/>, or is noted as ignored.</summary>
    public void Option(string option, string? key, object? given, object? value)
    {
        if (given is null)
        {
            return;
        }

        if (key is null)
        {
            Ignore(option, NoInput);
        }
        else if (value is null || !TrySet(key, value))
        {
            Ignore(option, DoesNotFit);
        }
    }

    /// <summary>Notes an option given that is not sent.</summary>
    public void Unsupported(string option, bool given, string reason = NoInput)
    {
        if (given)
        {
            Ignore(option, reason);
        }
    }

    /// <summary>Notes an option that is not sent, and why.</summary>
    public void Ignore(string option, string reason) => (_ignored ??= new()).Add(new KeyValuePair<string, string>(option, reason));

    /// <summary>
    /// Each entry of <paramref name="properties"/> whose key is an input's wire key goes to that input (the entry
    /// <paramref name="aliasKey"/> to the input <paramref name="aliasInput"/>, when there is one: the chat's
    /// <c>user_id</c> to the tool's user-id input); the others are noted as ignored.
    /// </summary>
    public void SetAdditional(AdditionalPropertiesDictionary? properties, string? aliasKey = null, string? aliasInput = null)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var entry in properties)
        {
            var key = aliasInput is not null && string.Equals(entry.Key, aliasKey, StringComparison.Ordinal) ? aliasInput : entry.Key;
            if (!_tool.IndexByKey.ContainsKey(key))
            {
                Ignore(entry.Key, NoInput);
            }
            else if (entry.Value is not null && !TrySet(key, entry.Value))
            {
                Ignore(entry.Key, DoesNotFit);
            }
        }
    }

    /// <summary>
    /// Files to the inputs that take them, in order: a list input takes them all, a single input one (the next), and
    /// the rest are noted as ignored under <paramref name="option"/>. An http(s) <see cref="UriContent"/> goes as its
    /// URL; a <see cref="DataContent"/> is uploaded first (<see cref="WiroClient.UploadFileAsync"/>) under its name, or
    /// <c>{namePrefix}-{n}</c> with the extension of its media type.
    /// </summary>
    public async Task AttachAsync(
        WiroClient client, IReadOnlyList<string> keys, IReadOnlyList<AIContent> files, string option, string namePrefix, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        if (keys.Count == 0)
        {
            Ignore(option, NoInput);
            return;
        }

        var next = 0;
        foreach (var key in keys)
        {
            if (next == files.Count)
            {
                break;
            }

            var index = _tool.IndexByKey[key];
            if (_tool.Inputs[index].Kind == WiroToolInputKind.FileUrlList)
            {
                var urls = new string[files.Count - next];
                for (var i = 0; i < urls.Length; i++)
                {
                    urls[i] = await UrlOfAsync(client, files[next], namePrefix, next, cancellationToken).ConfigureAwait(false);
                    next++;
                }

                Values[index] = urls;
            }
            else
            {
                Values[index] = await UrlOfAsync(client, files[next], namePrefix, next, cancellationToken).ConfigureAwait(false);
                next++;
            }
        }

        if (next < files.Count)
        {
            Ignore(option, $"the tool takes {next.ToString(CultureInfo.InvariantCulture)} of them: the rest are not sent");
        }
    }

    /// <summary>True for an http(s) <see cref="UriContent"/> or any <see cref="DataContent"/> of the top-level media type.</summary>
    public static bool IsFile(AIContent content, string topLevelType)
        => content switch
        {
            UriContent uri => uri.HasTopLevelMediaType(topLevelType) && uri.Uri.IsAbsoluteUri
                && (uri.Uri.Scheme == Uri.UriSchemeHttp || uri.Uri.Scheme == Uri.UriSchemeHttps),
            DataContent data => data.HasTopLevelMediaType(topLevelType),
            _ => false,
        };

    /// <summary>
    /// The value of a select for a name a caller gave: one of its values as it is, or the value whose label in
    /// <paramref name="choices"/> is the name (ignoring case); null for neither.
    /// </summary>
    public string? Choice(string? key, IReadOnlyList<KeyValuePair<string, string>> choices, string? name)
    {
        if (string.IsNullOrEmpty(name) || key is null)
        {
            return null;
        }

        var allowed = _tool.Inputs[_tool.IndexByKey[key]].AllowedValues;
        if (allowed is null)
        {
            return name;
        }

        foreach (var value in allowed)
        {
            if (string.Equals(value, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        foreach (var choice in choices)
        {
            if (string.Equals(choice.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return choice.Value;
            }
        }

        foreach (var value in allowed)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Each ignored option as an event <paramref name="eventName"/> (tags <c>wiro.option</c>, <c>wiro.reason</c>) on
    /// the current activity: the caller's, such as <c>UseOpenTelemetry()</c>'s span.
    /// </summary>
    public void TraceIgnored(string eventName)
    {
        if (_ignored is null || Activity.Current is not { } activity)
        {
            return;
        }

        foreach (var entry in _ignored)
        {
            activity.AddEvent(new ActivityEvent(eventName, tags: new ActivityTagsCollection
            {
                { "wiro.option", entry.Key },
                { "wiro.reason", entry.Value },
            }));
        }
    }

    private static async Task<string> UrlOfAsync(WiroClient client, AIContent file, string namePrefix, int index, CancellationToken cancellationToken)
    {
        if (file is UriContent uri)
        {
            return uri.Uri.AbsoluteUri;
        }

        var data = (DataContent)file;
        var name = string.IsNullOrEmpty(data.Name) ? namePrefix + "-" + (index + 1).ToString(CultureInfo.InvariantCulture) + Extension(data.MediaType) : data.Name!;
        return (await client.UploadFileAsync(WiroFile.FromBytes(data.Data, name, data.MediaType), cancellationToken).ConfigureAwait(false)).AbsoluteUri;
    }

    /// <summary><c>.png</c> for <c>image/png</c>: the subtype, when it is a plain word.</summary>
    private static string Extension(string mediaType)
    {
        var slash = mediaType.IndexOf('/');
        var subtype = slash < 0 ? "" : mediaType.Substring(slash + 1);
        foreach (var c in subtype)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return "";
            }
        }

        return subtype.Length == 0 ? "" : "." + subtype.ToLowerInvariant();
    }
}
