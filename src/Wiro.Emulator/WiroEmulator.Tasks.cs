using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>Run, Task/Detail, Task/Cancel and Task/Kill.</summary>
public sealed partial class WiroEmulator
{
    private const string TokenLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private async Task RunAsync(HttpContext context)
    {
        var owner = (string)context.Request.RouteValues["owner"]!;
        var model = (string)context.Request.RouteValues["model"]!;
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body.IsMalformed)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status400BadRequest, 0, "The request body is not a JSON object or a form.").ConfigureAwait(false);
            return;
        }

        if (_specs.Validate(owner, model, body.Fields, body.Files) is { } problem)
        {
            var status = problem.Code == 1 ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            await Answer.ErrorAsync(context, status, problem.Code, problem.Message).ConfigureAwait(false);
            return;
        }

        var id = Interlocked.Increment(ref _nextTaskId).ToString(CultureInfo.InvariantCulture);
        var outcome = _outcomes.TryDequeue(out var next) ? next : WiroTaskOutcome.Success();
        var llm = LlmScriptFor(owner, model, body);
        var outputs = llm is not null ? [llm.Output] : OutputsFor(owner, model, body);
        var task = new EmulatedTask(id, RandomToken(), owner, model, ParametersJson(body), _options.Clock.GetUtcNow(), outcome, _options.StatusStepDuration, outputs)
        {
            CallbackUrl = body.First(RunOptions.CallbackUrl.Key),
            Llm = llm,
        };
        _tasksByToken[task.Token] = task;
        _tasks[id] = task;
        _callbacks.Watch(task);

        await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteString("taskid", task.Id);
            w.WriteString("socketaccesstoken", task.Token);
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// When the task reached its terminal status on the emulator's clock; null while it runs or for an unknown id.
    /// For the load benchmark (docs/benchmarks.md, "Under load"), which measures how late callers see the end.
    /// </summary>
    internal DateTimeOffset? TaskEndedAt(string taskId)
        => _tasks.TryGetValue(taskId, out var task) ? task.EndedAt(_options.Clock.GetUtcNow()) : null;

    private async Task DetailAsync(HttpContext context)
    {
        if (await FindTaskAsync(context).ConfigureAwait(false) is { } task)
        {
            await AnswerTaskAsync(context, task).ConfigureAwait(false);
        }
    }

    /// <summary>Cancel takes a task still queued; Kill takes one that has not ended. Either ends at <c>task_cancel</c>.</summary>
    private async Task StopAsync(HttpContext context, bool kill)
    {
        if (await FindTaskAsync(context).ConfigureAwait(false) is not { } task)
        {
            return;
        }

        if (!task.TryStop(_options.Clock.GetUtcNow(), kill))
        {
            var message = kill ? "Task is not running; it cannot be killed." : "Task is not in the queue; it cannot be cancelled (kill a running task instead).";
            await Answer.ErrorAsync(context, StatusCodes.Status200OK, 1, message).ConfigureAwait(false);
            return;
        }

        await AnswerTaskAsync(context, task).ConfigureAwait(false);
    }

    /// <summary>The task named by <c>taskid</c>, <c>tasktoken</c> or <c>socketaccesstoken</c>; answers error 1 when there is none.</summary>
    private async Task<EmulatedTask?> FindTaskAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        EmulatedTask? task = null;
        if (body.First("taskid") is { Length: > 0 } id)
        {
            task = _tasks.GetValueOrDefault(id);
        }
        else if ((body.First("tasktoken") ?? body.First("socketaccesstoken")) is { Length: > 0 } token)
        {
            task = _tasksByToken.GetValueOrDefault(token);
        }

        if (task is null)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status200OK, 1, "Task not found.").ConfigureAwait(false);
        }

        return task;
    }

    private Task AnswerTaskAsync(HttpContext context, EmulatedTask task)
        => Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteString("total", "1");
            w.WriteStartArray("tasklist");
            TaskJson.WriteTask(w, task, _options.Clock.GetUtcNow(), ServerAddress);
            w.WriteEndArray();
        }));

    /// <summary>The run's fields as the task's <c>parameters</c>: strings, repeated fields as arrays, file parts by file name.</summary>
    private static string ParametersJson(RequestBody body)
        => Encoding.UTF8.GetString(WiroJson.Write(w =>
        {
            foreach (var (key, values) in body.Fields)
            {
                if (values.Count == 1)
                {
                    w.WriteString(key, values[0]);
                }
                else
                {
                    w.WriteStartArray(key);
                    values.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }
            }

            foreach (var group in body.Files.GroupBy(file => file.Field).Where(group => !body.Fields.ContainsKey(group.Key)))
            {
                w.WriteStartArray(group.Key);
                foreach (var file in group)
                {
                    w.WriteStringValue(file.FileName);
                }

                w.WriteEndArray();
            }
        }));

    /// <summary>
    /// The options' outputs, or, while they are left at their default, the ones the tool's spec categories call for: as
    /// many images as an image tool's count input asks (up to <see cref="CategoryOutputs.MaxImages"/>).
    /// </summary>
    private IReadOnlyList<WiroOutputFile> OutputsFor(string owner, string model, RequestBody body)
    {
        if (!_options.OutputsLeftToSpecs || _specs.Find(owner, model) is not { } tool)
        {
            return _defaultOutputs;
        }

        var count = _specs.ImageCountInput(tool.Spec) is { } key
            && int.TryParse(body.First(key), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked)
            ? asked
            : 1;
        return CategoryOutputs.For(tool.Spec, body.First("prompt"), count) ?? _defaultOutputs;
    }

    /// <summary>
    /// For an LLM or chat tool (its spec's categories, while outputs are left to specs): the script of this turn of its
    /// <c>session_id</c>'s conversation; null for any other tool.
    /// </summary>
    private LlmScript? LlmScriptFor(string owner, string model, RequestBody body)
    {
        if (!_options.OutputsLeftToSpecs || _specs.Find(owner, model) is not { } tool || !CategoryOutputs.IsLlm(tool.Spec))
        {
            return null;
        }

        var prompt = body.First("prompt") ?? "";
        var (turn, previous) = _llmSessions.Add(body.First("session_id"), prompt);
        return LlmScript.For(prompt, turn, previous);
    }

    /// <summary>30 random letters, like Wiro's socket access tokens.</summary>
    private static string RandomToken()
        => string.Create(30, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = TokenLetters[RandomNumberGenerator.GetInt32(TokenLetters.Length)];
            }
        });
}
