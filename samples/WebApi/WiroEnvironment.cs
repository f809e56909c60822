namespace WebApi;

/// <summary>Reads the variables the console sample reads, so one exported key serves both samples.</summary>
internal static class WiroEnvironment
{
    /// <summary>
    /// Maps <c>WIRO_API_KEY</c> and <c>WIRO_API_SECRET</c>, when set, to <c>Wiro:ApiKey</c> and <c>Wiro:ApiSecret</c>
    /// (they win over appsettings.json; <c>Wiro__ApiKey</c> works too, as any ASP.NET Core setting does).
    /// </summary>
    public static IConfigurationBuilder AddWiroEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("WIRO_API_KEY") is { Length: > 0 } key)
        {
            values["Wiro:ApiKey"] = key;
        }

        if (Environment.GetEnvironmentVariable("WIRO_API_SECRET") is { Length: > 0 } secret)
        {
            values["Wiro:ApiSecret"] = secret;
        }

        return values.Count == 0 ? configuration : configuration.AddInMemoryCollection(values);
    }
}
