using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>Devices and IPs per account as two small CSR lists, for evidence about shared identifiers.</summary>
internal sealed class AccountIdentifiers
{
    private readonly int[] _deviceOffsets;
    private readonly int[] _devices;
    private readonly int[] _ipOffsets;
    private readonly int[] _ips;

    public AccountIdentifiers(PlatformData data)
    {
        (_deviceOffsets, _devices) = Group(data.AccountCount, data.DeviceEdges);
        (_ipOffsets, _ips) = Group(data.AccountCount, data.IpEdges);
    }

    public ReadOnlySpan<int> Devices(int account) => _devices.AsSpan(_deviceOffsets[account], _deviceOffsets[account + 1] - _deviceOffsets[account]);

    public ReadOnlySpan<int> Ips(int account) => _ips.AsSpan(_ipOffsets[account], _ipOffsets[account + 1] - _ipOffsets[account]);

    /// <summary>How many devices and IPs are used by at least two of the given accounts.</summary>
    public (int Devices, int Ips) SharedAmong(IReadOnlyList<int> members)
    {
        var devices = new Dictionary<int, int>();
        var ips = new Dictionary<int, int>();
        foreach (var m in members)
        {
            foreach (var d in Devices(m))
            {
                devices[d] = devices.GetValueOrDefault(d) + 1;
            }

            foreach (var ip in Ips(m))
            {
                ips[ip] = ips.GetValueOrDefault(ip) + 1;
            }
        }

        return (devices.Values.Count(c => c >= 2), ips.Values.Count(c => c >= 2));
    }

    private static (int[] Offsets, int[] Values) Group(int accounts, EdgeColumns edges)
    {
        var offsets = new int[accounts + 1];
        for (var i = 0; i < edges.Length; i++)
        {
            offsets[edges.Source[i] + 1]++;
        }

        for (var a = 0; a < accounts; a++)
        {
            offsets[a + 1] += offsets[a];
        }

        var values = new int[edges.Length];
        var cursor = (int[])offsets.Clone();
        for (var i = 0; i < edges.Length; i++)
        {
            values[cursor[edges.Source[i]]++] = edges.Target[i];
        }

        return (offsets, values);
    }
}
