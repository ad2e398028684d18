using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Wcc;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Weakly connected components of the account–device–IP bipartite graph after removing identifiers seen with more
/// accounts than the configured limits (carrier NAT, public Wi-Fi). Every component with enough accounts is a
/// cluster; its score grows with its size and with how many identifiers its accounts share.
/// </summary>
internal static class IdentityDetector
{
    public static IdentityDetection Detect(PlatformData data, IdentityOptions options, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var deviceAccounts = CountAccounts(data.DeviceEdges, data.DeviceCount);
        var ipAccounts = CountAccounts(data.IpEdges, data.IpCount);
        var devicesUsed = new int[n];
        var ipsUsed = new int[n];
        var maxPerDevice = new int[n];
        var maxPerIp = new int[n];

        // Bipartite graph: accounts 0..n-1, devices n..n+D-1, IPs n+D..
        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, data.DeviceEdges.Length + data.IpEdges.Length + 16);
        var droppedDevices = AddIdentifiers(data.DeviceEdges, deviceAccounts, options.MaxAccountsPerDevice, n, buffer, devicesUsed, maxPerDevice);
        var droppedIps = AddIdentifiers(data.IpEdges, ipAccounts, options.MaxAccountsPerIp, n + data.DeviceCount, buffer, ipsUsed, maxPerIp);
        cancellationToken.ThrowIfCancellationRequested();

        var nodes = n + data.DeviceCount + data.IpCount;
        var graph = CsrBuilder.Build(IdMap.Sequential(nodes), buffer, Orientation.Undirected, merge: true);
        var wcc = Wcc.Run(graph, WccParameters.Default, null, cancellationToken);

        var membersOf = new Dictionary<int, List<int>>();
        for (var a = 0; a < n; a++)
        {
            var component = wcc.Components[a];
            if (wcc.Sizes[component] < 2)
            {
                continue;
            }

            if (!membersOf.TryGetValue(component, out var list))
            {
                membersOf.Add(component, list = []);
            }

            list.Add(a);
        }

        var candidates = new List<ClusterCandidate>();
        foreach (var members in membersOf.Values)
        {
            if (members.Count < options.MinMembers)
            {
                continue;
            }

            int sharedDevices = 0, sharedIps = 0, identifiers = 0;
            var maxShared = 0;
            foreach (var member in members)
            {
                foreach (var identifier in graph.Neighbors(member))
                {
                    // Count each identifier once, from its smallest member.
                    var degree = graph.Degree(identifier);
                    if (graph.Neighbors(identifier)[0] != member)
                    {
                        continue;
                    }

                    identifiers++;
                    maxShared = Math.Max(maxShared, degree);
                    if (degree >= 2)
                    {
                        if (identifier < n + data.DeviceCount)
                        {
                            sharedDevices++;
                        }
                        else
                        {
                            sharedIps++;
                        }
                    }
                }
            }

            var size = members.Count;
            var sizeScore = DetectorMath.Clamp01(Math.Log2(size) / Math.Log2(Math.Max(2, options.SizeSaturation)));
            var sharing = DetectorMath.Clamp01((double)(sharedDevices + sharedIps) / size);
            var score = (0.7 * sizeScore) + (0.3 * sharing);
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{size} accounts linked by {sharedDevices} shared device(s) and {sharedIps} shared IP(s); busiest identifier used by {maxShared} of them");
            var figures = new Dictionary<string, double>
            {
                ["size"] = size,
                ["sharedDevices"] = sharedDevices,
                ["sharedIps"] = sharedIps,
                ["identifiers"] = identifiers,
                ["maxAccountsPerIdentifier"] = maxShared,
            };
            candidates.Add(new ClusterCandidate([.. members], score, evidence, figures));
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Identity, "identity", candidates, data.AccountKeys);
        return new IdentityDetection(clusters, ordered, devicesUsed, ipsUsed, maxPerDevice, maxPerIp, droppedDevices, droppedIps);
    }

    private static int[] CountAccounts(Pipeline.EdgeColumns edges, int identifierCount)
    {
        var counts = new int[identifierCount];
        for (var i = 0; i < edges.Length; i++)
        {
            counts[edges.Target[i]]++;
        }

        return counts;
    }

    private static int AddIdentifiers(
        Pipeline.EdgeColumns edges, int[] accountsPer, int limit, int offset, EdgeBuffer buffer, int[] used, int[] maxPer)
    {
        for (var i = 0; i < edges.Length; i++)
        {
            var account = edges.Source[i];
            var identifier = edges.Target[i];
            used[account]++;
            maxPer[account] = Math.Max(maxPer[account], accountsPer[identifier]);
            if (accountsPer[identifier] <= limit)
            {
                buffer.Add(account, offset + identifier, 1f);
            }
        }

        var dropped = 0;
        foreach (var count in accountsPer)
        {
            if (count > limit)
            {
                dropped++;
            }
        }

        return dropped;
    }
}
