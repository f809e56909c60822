using System.Text;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// What Wiro answers to Run and Task/Detail, in the documented shape (almost every scalar a string); values are
/// our own. One finished task with one output, as a poll at the end of a run sees it.
/// </summary>
public static class WiroAnswers
{
    public const string TaskId = "2221";
    public const string SocketAccessToken = "eDcCm5yyUfIvMFspTwww49OUfgXkQt";

    public static readonly byte[] Run = Encoding.UTF8.GetBytes(
        """{"errors":[],"taskid":"2221","socketaccesstoken":"eDcCm5yyUfIvMFspTwww49OUfgXkQt","result":true}""");

    public static readonly byte[] TaskDetail = Encoding.UTF8.GetBytes("""
        {
          "total": "1",
          "errors": [],
          "tasklist": [
            {
              "id": "2221",
              "uuid": "15bce51f-442f-4f44-a71d-13c6374a62bd",
              "socketaccesstoken": "eDcCm5yyUfIvMFspTwww49OUfgXkQt",
              "parameters": {"prompt": "a red kite over the sea", "numFrames": "121", "seed": "42"},
              "debugoutput": "",
              "debugerror": "",
              "starttime": "1734513809",
              "endtime": "1734513813",
              "elapsedseconds": "6.0000",
              "status": "task_postprocess_end",
              "pexit": "0",
              "createtime": "1734513807",
              "canceltime": "0",
              "assigntime": "1734513807",
              "accepttime": "1734513807",
              "preprocessstarttime": "1734513807",
              "preprocessendtime": "1734513807",
              "postprocessstarttime": "1734513813",
              "postprocessendtime": "1734513814",
              "totalcost": "0.0035",
              "ispublic": 0,
              "outputs": [
                {
                  "id": "6bc392c93856dfce3a7d1b4261e15af3",
                  "name": "0.mp4",
                  "contenttype": "video/mp4",
                  "parentid": "6c1833f39da71e6175bf292b18779baf",
                  "uuid": "15bce51f-442f-4f44-a71d-13c6374a62bd",
                  "size": "202472",
                  "addedtime": "1734513812",
                  "modifiedtime": "1734513812",
                  "accesskey": "dFKlMApaSgMeHKsJyaDeKrefcHahUK",
                  "url": "https://cdn1.wiro.ai/6a6af820-c5050aee-40bd7b83/0.mp4"
                }
              ],
              "size": "202472"
            }
          ],
          "result": true
        }
        """);

    /// <summary>The answer of <see cref="ChatTaskDetail"/>, as a chat client shows it.</summary>
    public const string ChatAnswer = "Quantum computing uses qubits that can exist in superposition, so a register of n qubits spans 2^n states at once. Entanglement ties their outcomes together, and interference lets an algorithm cancel wrong answers before they are read.";

    /// <summary>The model's thought in <see cref="ChatTaskDetail"/>.</summary>
    public const string ChatThought = "The user wants a short explanation; start from qubits.";

    /// <summary>
    /// Task/Detail of a finished LLM task (the Chat sample's tool): the answer inline as the output's content
    /// (<c>{"prompt","raw","thinking":[],"answer":[]}</c>, content type <c>raw</c>) and as <c>debugoutput</c>, as
    /// <c>../shared/wiro-api/llm-streaming-messages.jsonc</c> shows it.
    /// </summary>
    public static readonly byte[] ChatTaskDetail = Encoding.UTF8.GetBytes($$"""
        {
          "total": "1",
          "errors": [],
          "tasklist": [
            {
              "id": "2221",
              "uuid": "15bce51f-442f-4f44-a71d-13c6374a62bd",
              "socketaccesstoken": "eDcCm5yyUfIvMFspTwww49OUfgXkQt",
              "parameters": {"prompt": "What is quantum computing?", "session_id": "550e8400-e29b-41d4-a716-446655440000"},
              "debugoutput": "{{ChatAnswer}}",
              "debugerror": "",
              "starttime": "1734513809",
              "endtime": "1734513813",
              "elapsedseconds": "4.0000",
              "status": "task_postprocess_end",
              "pexit": "0",
              "createtime": "1734513807",
              "canceltime": "0",
              "assigntime": "1734513807",
              "accepttime": "1734513807",
              "preprocessstarttime": "1734513807",
              "preprocessendtime": "1734513807",
              "postprocessstarttime": "1734513813",
              "postprocessendtime": "1734513814",
              "totalcost": "0.0012",
              "ispublic": 0,
              "outputs": [
                {
                  "contenttype": "raw",
                  "content": {
                    "prompt": "What is quantum computing?",
                    "raw": "<think>{{ChatThought}}</think>{{ChatAnswer}}",
                    "thinking": ["{{ChatThought}}"],
                    "answer": ["{{ChatAnswer}}"]
                  }
                }
              ],
              "size": "0"
            }
          ],
          "result": true
        }
        """);

    /// <summary>The Task/Detail answer for a task with another id.</summary>
    public static byte[] TaskDetailWithId(long id)
        => Encoding.UTF8.GetBytes(TaskDetailText.Replace("\"id\": \"2221\"", $"\"id\": \"{id}\"", StringComparison.Ordinal));

    private static string TaskDetailText => Encoding.UTF8.GetString(TaskDetail);
}
