using WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddWiroEnvironmentVariables();
LocalEmulator.AddWithoutApiKey(builder);

builder.Services.AddWiro(builder.Configuration.GetSection("Wiro"));
builder.Services.AddSampleTelemetry();
builder.Services.AddMcpServer().WithHttpTransport().WithWiroTools();

var app = builder.Build();
await LocalEmulator.StartIfAddedAsync(app);
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapClips();
app.MapMcp("/mcp");
app.Run();
