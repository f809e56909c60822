using System.Text.Json.Nodes;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// Before timing, the three clients must send the same body and read the same facts; a benchmark of clients that
/// disagree would compare different work.
/// </summary>
public static class ClientSanityCheck
{
    public static async Task Run(
        InProcessWiroHandler handler, WiroClient wiro, HandWrittenClient hand, RefitWiroClient refit, LtxVideoText2VideoRequest request, LtxVideoInputs inputs)
    {
        handler.RecordBodies = true;
        var generatedRun = await wiro.LtxVideoText2Video.RunAsync(request);
        var generatedBody = JsonNode.Parse(handler.LastBody);
        var handRun = await hand.RunLtxVideoAsync(inputs);
        var handBody = JsonNode.Parse(handler.LastBody);
        var refitRun = await refit.RunLtxVideoAsync(inputs);
        var refitBody = JsonNode.Parse(handler.LastBody);
        handler.RecordBodies = false;
        Require(JsonNode.DeepEquals(generatedBody, handBody) && JsonNode.DeepEquals(handBody, refitBody), $"run bodies differ: generated {generatedBody?.ToJsonString()}, hand-written {handBody?.ToJsonString()}, Refit {refitBody?.ToJsonString()}");
        Require(generatedRun.TaskId == handRun.TaskId && handRun == refitRun, "run results differ");

        var generated = await wiro.GetTaskByIdAsync(WiroAnswers.TaskId);
        var handTask = await hand.GetTaskAsync(WiroAnswers.TaskId);
        var refitTask = await refit.GetTaskAsync(WiroAnswers.TaskId);
        var generatedFacts = (generated.Id, generated.RawStatus, generated.ExitCode, generated.ElapsedSeconds, generated.TotalCost, generated.EndedAt, generated.Outputs.Count, generated.Outputs[0].Url);
        Require(generatedFacts == (handTask.Id, handTask.Status, handTask.ExitCode, handTask.ElapsedSeconds, handTask.TotalCost, handTask.EndedAt, handTask.Outputs.Count, handTask.Outputs[0].Url), "generated and hand-written tasks differ");
        Require(generatedFacts == (refitTask.Id, refitTask.Status, refitTask.ExitCode, refitTask.ElapsedSeconds, refitTask.TotalCost, refitTask.EndedAt, refitTask.Outputs.Count, refitTask.Outputs[0].Url), "generated and Refit tasks differ");
        Console.WriteLine("[client] the generated, hand-written and Refit clients send the same run body and read the same run and task");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Client sanity check failed: " + what);
        }
    }
}
