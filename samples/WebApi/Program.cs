using Microsoft.Extensions.AI;
using WebApi;
using Wiro;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddWiroEnvironmentVariables();
LocalEmulator.AddWithoutApiKey(builder);

builder.Services.AddWiro(builder.Configuration.GetSection("Wiro"));
// The LLM tool as the app's IChatClient, with Microsoft.Extensions.AI's gen_ai.* spans (provider wiro, model wiro/chat).
builder.Services.AddChatClient(services => services.GetRequiredService<ChatClient>().AsIChatClient())
    .UseOpenTelemetry(sourceName: SampleTelemetry.ChatName);
builder.Services.AddSampleTelemetry();
builder.Services.AddMcpServer().WithHttpTransport().WithWiroTools();

var app = builder.Build();
await LocalEmulator.StartIfAddedAsync(app);
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapClips();
app.MapChat();
app.MapMcp("/mcp");
app.Run();
