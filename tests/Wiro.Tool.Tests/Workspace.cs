namespace Wiro.Tool.Tests;

/// <summary>A throw-away folder with the test specs, deleted afterwards.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory.CreateDirectory(Root);
    }

    public static string LtxSpec => Path.Combine(AppContext.BaseDirectory, "Specs", "ltx-video-text2video.wiro.md");

    public static string RobotSpec => Path.Combine(AppContext.BaseDirectory, "Specs", "acme-robot.wiro.md");

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "wiro-tool-tests-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A folder under the workspace, created.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> in the server-side folder and gives its path.</summary>
    public string ServerSpec(string name, string text)
    {
        var path = Path.Combine(Folder("server"), name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
