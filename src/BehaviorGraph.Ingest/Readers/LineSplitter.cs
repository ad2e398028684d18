namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Splits a byte stream into physical lines over one buffer that never grows: a line feed always ends a line (a
/// carriage return before it is dropped), whatever the bytes before it hold, so no quote, escape or encoding can join
/// two lines. A line longer than the row limit is not kept: <see cref="Current"/> then holds its first bytes only
/// and <see cref="Length"/> its full length, so memory stays bounded by the limit whatever the input. A UTF-8
/// byte-order mark at the start of the stream is dropped; a UTF-16 or UTF-32 one makes the stream unreadable.
/// </summary>
internal sealed class LineSplitter
{
    /// <summary>How much of an oversized line is kept for its quarantine excerpt.</summary>
    public const int ExcerptBytes = 8 * 1024;

    private readonly Stream _input;
    private readonly int _maxRowBytes;
    private readonly int _maxBufferBytes;
    private byte[] _buffer;
    private readonly byte[] _excerpt = new byte[ExcerptBytes];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private int _currentStart;
    private int _currentLength;
    private bool _currentInExcerpt;

    public LineSplitter(Stream input, int maxRowBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowBytes, 16);
        _input = input;
        _maxRowBytes = maxRowBytes;
        // The buffer starts small (a request body of a few rows needs no more) and grows only while one line does not
        // fit, up to twice the row limit, so memory is bounded by the limit whatever the input.
        _maxBufferBytes = Math.Max(2 * (maxRowBytes + 2), 64 * 1024);
        _buffer = GC.AllocateUninitializedArray<byte>(64 * 1024);
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line without its line break; for an oversized line, its first <see cref="ExcerptBytes"/> bytes.</summary>
    public ReadOnlySpan<byte> Current => _currentInExcerpt
        ? _excerpt.AsSpan(0, _currentLength)
        : _buffer.AsSpan(_currentStart, _currentLength);

    /// <summary>The current line's full length in bytes, without its line break.</summary>
    public long Length { get; private set; }

    /// <summary>Whether the current line is longer than the row limit (and <see cref="Current"/> only its beginning).</summary>
    public bool IsOversized { get; private set; }

    /// <summary>Bytes consumed from the stream so far (the position of the next line).</summary>
    public long Position { get; private set; }

    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            Fill();
            SkipByteOrderMark();
        }

        var window = _maxRowBytes + 2;
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var searched = available.Length > window ? available[..window] : available;
            var newline = searched.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                SetCurrent(_start, newline, consumed: newline + 1);
                return true;
            }

            if (available.Length >= window)
            {
                SkipOversized();
                return true;
            }

            if (_eof)
            {
                if (available.IsEmpty)
                {
                    _currentLength = 0;
                    return false;
                }

                SetCurrent(_start, available.Length, consumed: available.Length);
                return true;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Min(_maxBufferBytes, 2 * _buffer.Length));
            }

            Fill();
        }
    }

    private void SetCurrent(int start, int length, int consumed)
    {
        LineNumber++;
        Position += consumed;
        _start += consumed;
        if (length > 0 && _buffer[start + length - 1] == '\r')
        {
            length--;
        }

        Length = length;
        IsOversized = length > _maxRowBytes;
        _currentInExcerpt = false;
        _currentStart = start;
        _currentLength = IsOversized ? Math.Min(length, ExcerptBytes) : length;
    }

    /// <summary>Keeps the beginning of a line with no line feed within the limit, and reads past the rest of it.</summary>
    private void SkipOversized()
    {
        LineNumber++;
        var kept = Math.Min(ExcerptBytes, _end - _start);
        _buffer.AsSpan(_start, kept).CopyTo(_excerpt);
        long length = 0;
        var last = (byte)0;
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                length += newline;
                if (newline > 0)
                {
                    last = available[newline - 1];
                }

                _start += newline + 1;
                Position += newline + 1;
                break;
            }

            length += available.Length;
            Position += available.Length;
            if (!available.IsEmpty)
            {
                last = available[^1];
            }

            _start = _end;
            if (_eof)
            {
                break;
            }

            Fill();
        }

        Length = last == '\r' ? length - 1 : length;
        IsOversized = true;
        _currentInExcerpt = true;
        _currentLength = kept;
    }

    /// <summary>Moves the unread bytes to the front of the buffer and reads until it is full or the stream ends.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < _buffer.Length && !_eof)
        {
            int read;
            try
            {
                read = _input.Read(_buffer, _end, _buffer.Length - _end);
            }
            catch (IOException ex)
            {
                throw new IngestInputException($"Reading the input failed at byte {Position + _end - _start:N0}: {ex.Message}", ex);
            }

            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
            if (_end - _start >= 64 * 1024)
            {
                break;
            }
        }
    }

    private void SkipByteOrderMark()
    {
        var head = _buffer.AsSpan(_start, _end - _start);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
            Position += 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
                 || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new IngestInputException(
                "The input starts with a UTF-16 or UTF-32 byte-order mark; event files must be UTF-8 (convert it, e.g. with iconv -t UTF-8).");
        }
    }
}
