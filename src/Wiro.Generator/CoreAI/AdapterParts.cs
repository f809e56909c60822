#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

/// <summary>What every Microsoft.Extensions.AI adapter of the core (chat, image, speech) answers alike.</summary>
internal static class AdapterParts
{
    /// <summary>
    /// <c>GetService</c> as the adapters answer it: with no key, the metadata or the descriptor for its own type, else
    /// the adapter itself or the <see cref="WiroClient"/> when it is of the type asked for; else null.
    /// </summary>
    public static object? GetService(Type serviceType, object? serviceKey, object adapter, object metadata, object descriptor, WiroClient client)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == metadata.GetType())
        {
            return metadata;
        }

        if (serviceType == descriptor.GetType())
        {
            return descriptor;
        }

        return serviceType.IsInstanceOfType(adapter) ? adapter : serviceType.IsInstanceOfType(client) ? client : null;
    }

    /// <summary>
    /// A finished task's file outputs (those with a URL) of the top-level media type (<c>image/</c>, <c>audio/</c>), or
    /// every file output when none is of it; a task that made no file is a <see cref="WiroMalformedResponseException"/>.
    /// </summary>
    public static List<WiroOutput> FilesOf(WiroTaskResult result, string mediaTypePrefix, string modelId)
    {
        var wanted = new List<WiroOutput>();
        var files = new List<WiroOutput>();
        foreach (var output in result.Outputs)
        {
            if (output.Url is null)
            {
                continue;
            }

            files.Add(output);
            if (output.MediaType.StartsWith(mediaTypePrefix, StringComparison.OrdinalIgnoreCase))
            {
                wanted.Add(output);
            }
        }

        if (files.Count == 0)
        {
            throw new WiroMalformedResponseException($"Task {result.Task.Id} of {modelId} succeeded without a file to return.", null, null);
        }

        return wanted.Count > 0 ? wanted : files;
    }

    /// <summary>Outputs read into memory within one budget (<see cref="OutputData"/>), each as a <see cref="DataContent"/> with its media type and name.</summary>
    public static async Task<List<AIContent>> DataContentsAsync(IReadOnlyList<WiroOutput> outputs, long maxBytes, CancellationToken cancellationToken)
    {
        var data = await OutputData.ReadAllAsync(outputs, maxBytes, cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>(outputs.Count);
        for (var i = 0; i < outputs.Count; i++)
        {
            contents.Add(new DataContent(data[i], outputs[i].MediaType) { Name = outputs[i].Name, RawRepresentation = outputs[i] });
        }

        return contents;
    }

    /// <summary>A response's properties with the task's cost (<see cref="WiroChatClient.CostKey"/>); null when Wiro gave none.</summary>
    public static AdditionalPropertiesDictionary? CostOf(WiroTaskResult result)
        => result.Task.TotalCost is { } cost ? new AdditionalPropertiesDictionary { [WiroChatClient.CostKey] = cost } : null;
}
