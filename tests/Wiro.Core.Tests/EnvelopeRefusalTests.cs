using System.Text.Json;

namespace Wiro.Core.Tests;

/// <summary>
/// <c>result</c> as Wiro and broken servers write it: a boolean, a string or a number says yes or no; without one,
/// an error in <c>errors</c> says no.
/// </summary>
public sealed class EnvelopeRefusalTests
{
    [Theory]
    [InlineData("""{"result":false}""", true)]
    [InlineData("""{"result":"false"}""", true)]
    [InlineData("""{"result":" FALSE "}""", true)]
    [InlineData("""{"result":0}""", true)]
    [InlineData("""{"result":"0"}""", true)]
    [InlineData("""{"result":true,"errors":[]}""", false)]
    [InlineData("""{"result":"true","errors":[]}""", false)]
    [InlineData("""{"result":1}""", false)]
    [InlineData("""{"taskid":"1","socketaccesstoken":"t"}""", false)]
    [InlineData("""{"errors":[{"code":97,"message":"Insufficient balance"}]}""", true)]
    [InlineData("""{"result":null,"errors":[{"code":1}]}""", true)]
    [InlineData("""{"result":{"x":1},"errors":[]}""", false)]
    [InlineData("""{"result":"maybe","errors":{"code":1}}""", false)]
    [InlineData("[]", true)]
    [InlineData("\"ok\"", true)]
    public void Result_decides_then_errors(string json, bool refusal)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(refusal, WiroResponse.IsRefusal(document.RootElement));
    }

    [Fact]
    public async Task Result_false_as_a_string_reaches_the_exception_with_wiro_message()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) =>
            ScriptedHandler.Json("""{"result":"false","errors":[{"code":"97","message":"Insufficient balance"}]}""")));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.RunAsync("o", "m", new EnvelopeAndRetryTests.EmptyRequest()));

        Assert.Equal((97, "Insufficient balance"), (error.Code, error.WiroMessage));
    }

    [Fact]
    public async Task Missing_result_with_an_error_on_task_detail_is_that_error()
    {
        using var client = ScriptedHandler.Client(new ScriptedHandler((_, _) =>
            ScriptedHandler.Json("""{"errors":[{"code":1,"message":"Task not found."}],"tasklist":[]}""")));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => client.GetTaskByIdAsync("7"));

        Assert.Equal((1, "Task not found."), (error.Code, error.WiroMessage));
    }
}
