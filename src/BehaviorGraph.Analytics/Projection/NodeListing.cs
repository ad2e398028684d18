using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>The store's nodes in id order, numbered within their kind, as a load reads them.</summary>
internal sealed class NodeListing
{
    private readonly GrowableArray<long> _ids = new(1 << 16);
    private readonly GrowableArray<NodeKind> _kinds = new(1 << 16);
    private readonly GrowableArray<int> _kindIndex = new(1 << 16);
    private NodeDirectory? _directory;
    private int _others;

    public List<string> AccountKeys { get; } = [];

    public GrowableArray<long> AccountFirstSeen { get; } = new(1 << 16);

    public int ContentCount { get; private set; }

    public int DeviceCount { get; private set; }

    public int IpCount { get; private set; }

    public long Count => _ids.Length;

    public long MaxId { get; private set; }

    public NodeDirectory Directory => _directory ??= new NodeDirectory(_ids.ToTrimmedArray(), _kinds.ToTrimmedArray(), _kindIndex.ToTrimmedArray());

    public void Add(GraphNode node)
    {
        _ids.Add(node.Id);
        _kinds.Add(node.Kind);
        MaxId = Math.Max(MaxId, node.Id);
        switch (node.Kind)
        {
            case NodeKind.Account:
                _kindIndex.Add(AccountKeys.Count);
                AccountKeys.Add(node.Key);
                AccountFirstSeen.Add(node.FirstSeenMs);
                break;
            case NodeKind.Content:
                _kindIndex.Add(ContentCount++);
                break;
            case NodeKind.Device:
                _kindIndex.Add(DeviceCount++);
                break;
            case NodeKind.Ip:
                _kindIndex.Add(IpCount++);
                break;
            default:
                _kindIndex.Add(_others++);
                break;
        }
    }

    /// <summary>How many nodes, and of each kind, have an id up to <paramref name="maxId"/>.</summary>
    public (long Count, int Accounts, int Content, int Devices, int Ips) CountsThrough(long maxId)
    {
        var ids = _ids.ToTrimmedArray();
        var kinds = _kinds.ToTrimmedArray();
        long count = 0;
        int accounts = 0, content = 0, devices = 0, ips = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] > maxId)
            {
                continue;
            }

            count++;
            switch (kinds[i])
            {
                case NodeKind.Account: accounts++; break;
                case NodeKind.Content: content++; break;
                case NodeKind.Device: devices++; break;
                case NodeKind.Ip: ips++; break;
            }
        }

        return (count, accounts, content, devices, ips);
    }
}
