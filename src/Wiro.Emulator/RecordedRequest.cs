namespace Wiro.Emulator;

/// <summary>A request the emulator received, for assertions in tests. Secrets are not kept: only whether the signature headers were present.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v1/Run/wiroai/LTX-Video-Text2Video</c>.</param>
/// <param name="ContentType">The request's content type.</param>
/// <param name="ApiKey">The <c>x-api-key</c> header.</param>
/// <param name="Nonce">The <c>x-nonce</c> header.</param>
/// <param name="HasSignature">Whether <c>x-signature</c> was sent.</param>
/// <param name="Fields">Body fields: JSON properties (arrays as several values) or form fields.</param>
/// <param name="Files">Uploaded file parts: field name, file name and size.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? ContentType,
    string? ApiKey,
    string? Nonce,
    bool HasSignature,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    IReadOnlyList<RecordedFile> Files);

/// <summary>A file part of a multipart request.</summary>
/// <param name="Field">The form field.</param>
/// <param name="FileName">The file name.</param>
/// <param name="Length">The size in bytes.</param>
public sealed record RecordedFile(string Field, string FileName, long Length);
