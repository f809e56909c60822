using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wiro.Emulator.Tests;

public sealed class CallbackTests
{
    [Fact]
    public async Task The_final_task_object_is_posted_to_the_callback_url_when_the_task_ends()
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hook = await StartHookAsync(received);
        await using var env = await Emulated.StartAsync();
        var callbackUrl = new Uri(hook.Address, "hook").AbsoluteUri;

        var taskId = await env.Api.RunAsync(json: $$"""{"prompt":"p","callbackUrl":"{{callbackUrl}}"}""");
        Assert.False(received.Task.IsCompleted);
        env.Advance(20);
        var task = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(taskId, task.GetProperty("id").GetString());
        Assert.Equal("task_postprocess_end", task.GetProperty("status").GetString());
        Assert.Equal("0", task.GetProperty("pexit").GetString());
        Assert.Single(task.GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task A_killed_task_calls_back_with_task_cancel()
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hook = await StartHookAsync(received);
        await using var env = await Emulated.StartAsync();

        var taskId = await env.Api.RunAsync(json: $$"""{"callbackUrl":"{{new Uri(hook.Address, "hook").AbsoluteUri}}"}""");
        env.Advance(6);
        await env.Api.PostJsonAsync("Task/Kill", $$"""{"taskid":"{{taskId}}"}""");
        env.Advance(1);
        var task = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("task_cancel", task.GetProperty("status").GetString());
    }

    /// <summary>A loopback receiver for callbacks.</summary>
    private static async Task<Hook> StartHookAsync(TaskCompletionSource<JsonElement> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            received.TrySetResult(body.RootElement.Clone());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Hook(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record Hook(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
