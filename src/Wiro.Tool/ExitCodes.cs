namespace Wiro.Tool;

/// <summary>The exit codes of every <c>wiro</c> command; scripts may rely on them (README, "The wiro tool").</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>update</c>, nothing that changed breaks a build.</summary>
    public const int Success = 0;

    /// <summary>The command line is not valid (an unknown option, a missing argument, options that exclude each other).</summary>
    public const int Usage = 1;

    /// <summary><c>update</c>: a spec changed in a way that breaks code written against it (an input or option removed, an input retyped).</summary>
    public const int Breaking = 2;

    /// <summary>A tool is not published: no page, not a Wiro spec, or Tool/Detail does not know it.</summary>
    public const int UnknownTool = 3;

    /// <summary>The source or API cannot be reached, timed out, or answered with a server error or something unreadable.</summary>
    public const int Unreachable = 4;

    /// <summary><c>add</c>: a spec file exists with other content and <c>--force</c> was not given.</summary>
    public const int Conflict = 5;

    /// <summary><c>list</c>, <c>add --detail</c>: no credentials, or the API refused them.</summary>
    public const int Unauthorized = 6;

    /// <summary>A local file cannot be read or written, or a local spec cannot be read as a spec.</summary>
    public const int LocalFile = 7;

    /// <summary>All codes, for the root command's help.</summary>
    public const string Help = "Exit codes: 0 done, 1 invalid command line, 2 update found a breaking change, 3 unknown tool, "
        + "4 source or API unreachable, 5 file exists with other content, 6 missing or refused credentials, 7 local file unreadable or not a spec.";
}
