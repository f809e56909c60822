using WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddWiroEnvironmentVariables();
var emulator = await LocalEmulator.StartWithoutApiKeyAsync(builder);

builder.Services.AddWiro(builder.Configuration.GetSection("Wiro"));
builder.Services.AddSampleTelemetry();

var app = builder.Build();
if (emulator is not null)
{
    app.Logger.LogInformation("No Wiro API key is configured: using the built-in Wiro emulator at {Address}", emulator.BaseAddress);
}

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapClips();
app.Run();
