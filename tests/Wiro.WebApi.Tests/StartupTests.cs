using Microsoft.Extensions.Options;

namespace Wiro.WebApi.Tests;

/// <summary>How the sample starts without credentials.</summary>
public sealed class StartupTests
{
    // Assumes no WIRO_API_KEY in the test's environment (the sample would take it as the key).
    [Fact]
    public async Task Without_an_api_key_and_with_the_emulator_off_the_start_fails_naming_ApiKey()
    {
        await using var app = new SampleApp(("Emulator:Enabled", "false"));

        var error = Record.Exception(() => app.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Flatten(error).OfType<OptionsValidationException>().FirstOrDefault());
        Assert.Contains("WiroClientOptions.ApiKey is required.", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_the_sample_runs_a_clip_on_its_built_in_emulator()
    {
        await using var app = new SampleApp(("Wiro:ApiKey", ""));
        using var client = app.CreateClient();

        var (taskId, _) = await ClipApi.RunClipAsync(client, "a red kite over the sea");

        Assert.Contains(app.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("built-in Wiro emulator", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(taskId));
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
