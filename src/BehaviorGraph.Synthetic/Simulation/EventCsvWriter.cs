using System.Buffers.Text;
using System.Globalization;

namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Writes events.csv as UTF-8 straight into a large byte buffer: no per-event strings. Identifiers never
/// contain commas, quotes or line breaks, so no field needs RFC 4180 quoting.
/// </summary>
internal sealed class EventCsvWriter : IDisposable
{
    private const int MaxRowBytes = 256;

    private static readonly byte[][] TypeNames =
    [
        "signup"u8.ToArray(), "login"u8.ToArray(), "post"u8.ToArray(), "follow"u8.ToArray(),
        "message"u8.ToArray(), "report"u8.ToArray(), "rate"u8.ToArray(), "like"u8.ToArray(),
        "comment"u8.ToArray(), "share"u8.ToArray(), "view"u8.ToArray(),
    ];

    private readonly FileStream _stream;
    private readonly PlatformPlan _plan;
    private readonly byte[][] _dayPrefix;
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _position;

    public EventCsvWriter(string path, PlatformPlan plan)
    {
        _plan = plan;
        _dayPrefix = new byte[plan.Timeline.TotalDays][];
        for (int day = 0; day < _dayPrefix.Length; day++)
        {
            _dayPrefix[day] = System.Text.Encoding.ASCII.GetBytes(
                plan.Timeline.Epoch.AddDays(day).ToString("yyyy-MM-dd'T'", CultureInfo.InvariantCulture));
        }

        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.SequentialScan);
        "event_id,ts,type,actor,target,target_kind,value,device,ip\n"u8.CopyTo(_buffer);
        _position = "event_id,ts,type,actor,target,target_kind,value,device,ip\n"u8.Length;
    }

    public long Written { get; private set; }

    public void Write(in SynEvent e)
    {
        if (_buffer.Length - _position < MaxRowBytes)
        {
            Flush();
        }

        Span<byte> row = _buffer.AsSpan(_position);
        "syn-"u8.CopyTo(row);
        int p = 4;
        p += Number(row[p..], ++Written);
        row[p++] = (byte)',';
        p += Timestamp(row[p..], e.Ts);
        row[p++] = (byte)',';
        byte[] type = TypeNames[(int)e.Kind];
        type.CopyTo(row[p..]);
        p += type.Length;
        row[p++] = (byte)',';
        row[p++] = (byte)'a';
        p += Number(row[p..], _plan.PublicId[e.Actor]);
        row[p++] = (byte)',';
        switch (e.Kind)
        {
            case EventKind.Signup or EventKind.Login:
                row[p++] = (byte)',';
                break;
            case EventKind.Follow or EventKind.Message or EventKind.Report or EventKind.Rate:
                row[p++] = (byte)'a';
                p += Number(row[p..], _plan.PublicId[e.Target]);
                ",account"u8.CopyTo(row[p..]);
                p += 8;
                break;
            default:
                row[p++] = (byte)'c';
                p += Number(row[p..], e.Target + 1L);
                ",content"u8.CopyTo(row[p..]);
                p += 8;
                break;
        }

        row[p++] = (byte)',';
        if (e.Kind == EventKind.Rate)
        {
            p += Number(row[p..], e.Value);
        }

        row[p++] = (byte)',';
        row[p++] = (byte)'d';
        p += Number(row[p..], e.Device + 1L);
        row[p++] = (byte)',';
        p += Ip(row[p..], _plan.IpAddresses[e.Ip]);
        row[p++] = (byte)'\n';
        _position += p;
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private static int Number(Span<byte> destination, long value)
    {
        Utf8Formatter.TryFormat(value, destination, out int written);
        return written;
    }

    private int Timestamp(Span<byte> destination, int ts)
    {
        byte[] prefix = _dayPrefix[ts / Timeline.Day];
        prefix.CopyTo(destination);
        int p = prefix.Length;
        int second = ts % Timeline.Day;
        p = TwoDigits(destination, p, second / 3600);
        destination[p++] = (byte)':';
        p = TwoDigits(destination, p, second / 60 % 60);
        destination[p++] = (byte)':';
        p = TwoDigits(destination, p, second % 60);
        destination[p++] = (byte)'Z';
        return p;
    }

    private static int TwoDigits(Span<byte> destination, int p, int value)
    {
        destination[p] = (byte)('0' + (value / 10));
        destination[p + 1] = (byte)('0' + (value % 10));
        return p + 2;
    }

    private static int Ip(Span<byte> destination, uint address)
    {
        int p = Number(destination, address >> 24);
        destination[p++] = (byte)'.';
        p += Number(destination[p..], (address >> 16) & 0xFF);
        destination[p++] = (byte)'.';
        p += Number(destination[p..], (address >> 8) & 0xFF);
        destination[p++] = (byte)'.';
        p += Number(destination[p..], address & 0xFF);
        return p;
    }
}
