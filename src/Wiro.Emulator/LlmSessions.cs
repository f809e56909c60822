namespace Wiro.Emulator;

/// <summary>
/// The prompts an emulated LLM tool has seen per <c>session_id</c>, as Wiro keeps a conversation per session on its
/// side: a run with a session id that ran before is the next turn of that conversation. A run with no session id is a
/// conversation of its own.
/// </summary>
internal sealed class LlmSessions
{
    private readonly Dictionary<string, List<string>> _prompts = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="prompt"/> as the next turn of the session; returns its turn number (from 1) and the previous prompt.</summary>
    public (int Turn, string? Previous) Add(string? sessionId, string prompt)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return (1, null);
        }

        lock (_prompts)
        {
            if (!_prompts.TryGetValue(sessionId, out var prompts))
            {
                _prompts[sessionId] = prompts = [];
            }

            var previous = prompts.Count > 0 ? prompts[^1] : null;
            prompts.Add(prompt);
            return (prompts.Count, previous);
        }
    }
}
