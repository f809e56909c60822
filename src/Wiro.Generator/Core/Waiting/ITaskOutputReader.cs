#nullable enable
namespace Wiro;

using System.Text.Json;

/// <summary>
/// Reads the <c>message</c> of each <c>task_output</c> frame about a followed task while the frame is parsed (see
/// <see cref="WiroClient.WaitWithOutputAsync"/>): an LLM's cumulative <c>thinking[]</c>/<c>answer[]</c>, as sent. An
/// interface, not a delegate, so that a wait allocates nothing beyond the reader itself.
/// </summary>
internal interface ITaskOutputReader
{
    /// <summary>One frame's <c>message</c> (an object, a string, ...), valid only during the call: copy what is kept. Must not throw.</summary>
    void Read(JsonElement message);
}
