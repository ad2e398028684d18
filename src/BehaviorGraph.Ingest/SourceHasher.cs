using System.IO.Hashing;

namespace BehaviorGraph.Ingest;

/// <summary>Content hashes that identify a source regardless of its name.</summary>
public static class SourceHasher
{
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var hash = new XxHash128();
        await hash.AppendAsync(stream, cancellationToken);
        return Format(hash.GetCurrentHash());
    }

    public static string HashBytes(ReadOnlySpan<byte> content) => Format(XxHash128.Hash(content));

    private static string Format(byte[] hash) => "xxh128:" + Convert.ToHexStringLower(hash);
}
