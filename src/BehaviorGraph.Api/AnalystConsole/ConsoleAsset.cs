using System.IO.Compression;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>One file of the console as served: its bytes, media type, entity tag, and gzip / Brotli copies made on first use.</summary>
internal sealed class ConsoleAsset(string path, byte[] content, string contentType, string etag)
{
    private readonly Lazy<byte[]> _gzip = new(() => Compress(content, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)));
    private readonly Lazy<byte[]> _brotli = new(() => Compress(content, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)));

    public string Path { get; } = path;

    public byte[] Content { get; } = content;

    public string ContentType { get; } = contentType;

    public string ETag { get; } = etag;

    /// <summary>Text is worth compressing; images already are.</summary>
    public bool Compressible { get; } = !contentType.StartsWith("image/png", StringComparison.Ordinal);

    public byte[] Gzip => _gzip.Value;

    public byte[] Brotli => _brotli.Value;

    private static byte[] Compress(byte[] content, Func<Stream, Stream> open)
    {
        using var buffer = new MemoryStream();
        using (var compressor = open(buffer))
        {
            compressor.Write(content);
        }

        return buffer.ToArray();
    }
}
