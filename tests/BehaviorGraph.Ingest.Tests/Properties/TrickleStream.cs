namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>A read-only stream over bytes that answers each read with a random number of bytes (at least one), as pipes and sockets do.</summary>
internal sealed class TrickleStream(byte[] content, int seed) : Stream
{
    private readonly Random _rng = new(seed);
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, content.Length - _position), _rng.Next(4) == 0 ? _rng.Next(1, 8) : _rng.Next(1, 70_000));
        content.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
