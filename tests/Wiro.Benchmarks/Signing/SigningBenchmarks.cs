using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Wiro.Benchmarks.Signing;

/// <summary>
/// The generated core's signing (<see cref="WiroSigner"/>) against the floor: one HMACSHA256.HashData call over
/// the same message bytes, already encoded, plus Convert.ToHexStringLower. Goal: within 1.2x of the floor.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const string Key = "key";
    private const string Secret = "secret";
    private const string Nonce = "1700000000000";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(Key);
    private readonly byte[] _message = Encoding.UTF8.GetBytes(Secret + Nonce);
    private readonly WiroSigner _signer = new(Key, Secret);

    [GlobalSetup]
    public void Setup()
    {
        // The documented test vector (key, secret, nonce 1700000000), so both sides are known to sign correctly.
        const string expected = "c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018";
        var core = _signer.Sign("1700000000");
        var floor = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Secret + "1700000000")));
        if (core != expected || floor != expected)
        {
            throw new InvalidOperationException($"Signing disagrees with the test vector: core {core}, floor {floor}");
        }

        if (SignWithCore() != HashDataFloor())
        {
            throw new InvalidOperationException("Core and floor sign the benchmark nonce differently.");
        }
    }

    [Benchmark(Baseline = true)]
    public string HashDataFloor() => Convert.ToHexStringLower(HMACSHA256.HashData(_key, _message));

    [Benchmark]
    public string SignWithCore() => _signer.Sign(Nonce);

    /// <summary>What the core does per request: a fresh nonce, formatted, then signed.</summary>
    [Benchmark]
    public string NonceAndSignWithCore() => _signer.Sign(WiroSigner.NextNonce().ToString(CultureInfo.InvariantCulture));
}
