namespace Wiro.Emulator;

/// <summary>How a Wiro project authenticates: with a signature (recommended) or the API key alone.</summary>
public enum WiroAuthMode
{
    /// <summary><c>x-api-key</c>, <c>x-nonce</c> and <c>x-signature</c> are required.</summary>
    Signature,

    /// <summary>Only <c>x-api-key</c> is required.</summary>
    ApiKeyOnly,
}
