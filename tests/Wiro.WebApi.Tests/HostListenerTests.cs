using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>
/// The emulator beside a listener that does what <c>WebApplicationFactory</c> does to every host built in its
/// app's flow while it waits for the app's host: configure it with a <c>TestServer</c>. The parallel starts in
/// <see cref="ParallelStartTests"/> meet that listener by chance; here it is there every time.
/// </summary>
public sealed class HostListenerTests
{
    [Fact]
    public async Task An_emulator_started_where_a_factory_configures_every_host_built_still_listens_on_its_own_socket()
    {
        using var listener = TestServerForEveryHost.ListenHere();
        // The listener takes hosts built here: a WebApplication gets the TestServer.
        await using (var control = WebApplication.CreateSlimBuilder().Build())
        {
            Assert.IsType<TestServer>(control.Services.GetRequiredService<IServer>());
        }

        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s" });

        Assert.Equal(1, listener.HostsConfigured);
        var marker = Guid.NewGuid().ToString("N");
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(emulator.BaseAddress, "Tool/List"), new { marker });
        Assert.Contains(emulator.Requests, r => r.Path == "/v1/Tool/List" && r.Fields.TryGetValue("marker", out var values) && values.Contains(marker));
    }

    /// <summary>
    /// Like <c>HostFactoryResolver</c>: hears of every <c>Microsoft.Extensions.Hosting</c> listener in the process,
    /// acts only on hosts built in the flow that started listening, and adds the test server to each one's building.
    /// </summary>
    private sealed class TestServerForEveryHost : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<TestServerForEveryHost?> Current = new();
        private readonly IDisposable _subscription;
        private int _hostsConfigured;

        private TestServerForEveryHost() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public int HostsConfigured => Volatile.Read(ref _hostsConfigured);

        /// <summary>Listens for hosts built in the caller's flow (an AsyncLocal set by a synchronous call stays set for its caller).</summary>
        public static TestServerForEveryHost ListenHere()
        {
            var listener = new TestServerForEveryHost();
            Current.Value = listener;
            return listener;
        }

        public void Dispose()
        {
            Current.Value = null;
            _subscription.Dispose();
        }

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
        {
            if (Current.Value == this && value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(this);
            }
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
        {
            if (Current.Value == this && value.Key == "HostBuilding" && value.Value is IHostBuilder builder)
            {
                builder.ConfigureWebHost(web => web.UseTestServer());
                Interlocked.Increment(ref _hostsConfigured);
            }
        }

        void IObserver<DiagnosticListener>.OnCompleted()
        {
        }

        void IObserver<DiagnosticListener>.OnError(Exception error)
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted()
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
        {
        }
    }
}
