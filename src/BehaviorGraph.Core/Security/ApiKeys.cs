using System.Security.Cryptography;
using System.Text;

namespace BehaviorGraph.Core.Security;

/// <summary>Creates API keys and hashes them; only the hash is ever stored (<see cref="IApiKeyStore"/>) or compared.</summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "bg_";

    /// <summary>A new random key: <c>bg_</c> and 43 URL-safe characters (256 bits).</summary>
    public static string NewKey() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash);
    }
}
