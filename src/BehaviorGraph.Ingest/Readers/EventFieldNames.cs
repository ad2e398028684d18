using System.Text;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// The contract's field names, shared by CSV headers and JSON keys, matched regardless of ASCII case (and only
/// ASCII case: no other character folds into a field name).
/// </summary>
internal static class EventFieldNames
{
    public const int EventId = 0;
    public const int Ts = 1;
    public const int Type = 2;
    public const int Actor = 3;
    public const int Target = 4;
    public const int TargetKind = 5;
    public const int Value = 6;
    public const int Device = 7;
    public const int Ip = 8;

    public static readonly string[] All = ["event_id", "ts", "type", "actor", "target", "target_kind", "value", "device", "ip"];

    public static readonly int[] Required = [Ts, Type, Actor];

    private static readonly byte[][] Utf8Names = All.Select(Encoding.UTF8.GetBytes).ToArray();

    public static int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, All[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length is < 2 or > 11)
        {
            return -1;
        }

        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8Name, Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
