#nullable enable
namespace Wiro;

/// <summary>The inputs of a Wiro tool run. Generated requests derive from it, one per tool spec.</summary>
public abstract record WiroRequest
{
    /// <summary>A URL Wiro calls (POST) when the task ends; sent as <c>callbackUrl</c> when set.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Bills the run to another project; sent as <c>projectid</c> when set.</summary>
    public string? ProjectId { get; set; }

    /// <summary>True when a file input holds local content, so the run is sent as multipart/form-data.</summary>
    protected internal virtual bool HasLocalFiles => false;

    /// <summary>Writes every input of the tool to <paramref name="writer"/>.</summary>
    /// <param name="writer">The body being built.</param>
    protected internal abstract void WriteParameters(WiroParameterWriter writer);
}
