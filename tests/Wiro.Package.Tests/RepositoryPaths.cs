namespace Wiro.Package.Tests;

/// <summary>Where the repository and its parts are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string GeneratorProject => Path.Combine(Root, "src", "Wiro.Generator", "Wiro.Generator.csproj");

    public static string EmulatorProject => Path.Combine(Root, "src", "Wiro.Emulator", "Wiro.Emulator.csproj");

    public static string ToolProject => Path.Combine(Root, "src", "Wiro.Tool", "Wiro.Tool.csproj");

    public static string SeedSpec => Path.Combine(Root, "specs", "ltx-video-text2video.wiro.md");

    public static string SampleProject => Path.Combine(Root, "samples", "LtxVideo", "LtxVideo.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
