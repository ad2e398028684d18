namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Hands out distinct IPv4 addresses from three disjoint ranges (residential, carrier NAT / public Wi-Fi,
/// datacenter proxies). Addresses are scattered inside each range by an odd-multiplier bijection.
/// </summary>
internal sealed class IpAllocator
{
    private const uint ResidentialBase = 24u << 24;
    private const uint NatBase = (172u << 24) | (56u << 16);
    private const uint ProxyBase = (185u << 24) | (220u << 16);

    private readonly List<uint> _addresses = [];
    private uint _residential;
    private uint _nat;
    private uint _proxy;

    public int Count => _addresses.Count;

    public int Residential() => Add(ResidentialBase, _residential++, (1u << 24) - 1);

    public int CarrierNat() => Add(NatBase, _nat++, (1u << 16) - 1);

    public int Proxy() => Add(ProxyBase, _proxy++, (1u << 16) - 1);

    public uint[] ToArray() => [.. _addresses];

    private int Add(uint rangeBase, uint ordinal, uint mask)
    {
        if (ordinal > mask)
        {
            throw new InvalidOperationException("IP range exhausted; the account bound in SyntheticOptions keeps every range large enough.");
        }

        _addresses.Add(rangeBase + (unchecked(ordinal * 2654435761u) & mask));
        return _addresses.Count - 1;
    }
}
