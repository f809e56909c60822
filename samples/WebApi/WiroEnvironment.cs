namespace WebApi;

/// <summary>Reads the variables the console sample reads, so one exported key serves both samples.</summary>
internal static class WiroEnvironment
{
    /// <summary>
    /// When the <c>Wiro</c> section sets no key, takes <c>WIRO_API_KEY</c> and <c>WIRO_API_SECRET</c> as
    /// <c>Wiro:ApiKey</c> and <c>Wiro:ApiSecret</c>. A key and its secret always come from the same place, and any
    /// configured key (appsettings, user secrets, <c>Wiro__ApiKey</c>, the command line) wins.
    /// </summary>
    public static IConfigurationManager AddWiroEnvironmentVariables(this IConfigurationManager configuration)
    {
        if (string.IsNullOrEmpty(configuration["Wiro:ApiKey"]) && Environment.GetEnvironmentVariable("WIRO_API_KEY") is { Length: > 0 } key)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Wiro:ApiKey"] = key,
                ["Wiro:ApiSecret"] = Environment.GetEnvironmentVariable("WIRO_API_SECRET"),
            });
        }

        return configuration;
    }
}
