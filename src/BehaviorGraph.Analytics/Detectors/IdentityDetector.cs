using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Wcc;
using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Weakly connected components of the account–device–IP bipartite graph, through the identifiers that link (see
/// <see cref="IdentityOptions"/>): those shared like the platform's households share, and larger ones whose accounts
/// are far more alike than random cohorts (farms). Every component with enough accounts is a cluster; its score grows
/// with its size and with how many identifiers its accounts share.
/// </summary>
internal static class IdentityDetector
{
    public static IdentityDetection Detect(PlatformData data, EngagementGraph engagement, IdentityOptions options, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var devices = IdentifierCohorts.Of(data.DeviceEdges, data.DeviceCount);
        var ips = IdentifierCohorts.Of(data.IpEdges, data.IpCount);
        var likeness = new CohortLikeness(engagement.Graph, data.AccountFirstSeenMs, n, options.PairSamples, options.NullCohorts, options.Seed);
        var deviceVerdicts = devices.Judge(options, likeness, 0, cancellationToken);
        var ipVerdicts = ips.Judge(options, likeness, data.DeviceCount, cancellationToken);

        var devicesUsed = new int[n];
        var ipsUsed = new int[n];
        var maxPerDevice = new int[n];
        var maxPerIp = new int[n];

        // Bipartite graph: accounts 0..n-1, devices n..n+D-1, IPs n+D..
        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, data.DeviceEdges.Length + data.IpEdges.Length + 16);
        AddIdentifiers(data.DeviceEdges, devices, deviceVerdicts, n, buffer, devicesUsed, maxPerDevice);
        AddIdentifiers(data.IpEdges, ips, ipVerdicts, n + data.DeviceCount, buffer, ipsUsed, maxPerIp);
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

            candidates.Add(Candidate(members, graph, n, data.DeviceCount, deviceVerdicts, ipVerdicts, options));
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Identity, "identity", candidates, data.AccountKeys);
        return new IdentityDetection(
            clusters, ordered, devicesUsed, ipsUsed, maxPerDevice, maxPerIp,
            deviceVerdicts.Count(v => v is { Links: false }), ipVerdicts.Count(v => v is { Links: false }),
            devices.HouseholdLimit(options.HouseholdPercentile, options.MaxHousehold), ips.HouseholdLimit(options.HouseholdPercentile, options.MaxHousehold),
            deviceVerdicts.Count(v => v is { Links: true }) + ipVerdicts.Count(v => v is { Links: true }));
    }

    private static ClusterCandidate Candidate(
        List<int> members, CsrGraph graph, int n, int deviceCount, IdentifierVerdict?[] deviceVerdicts, IdentifierVerdict?[] ipVerdicts, IdentityOptions options)
    {
        int sharedDevices = 0, sharedIps = 0, identifiers = 0, farms = 0;
        var maxShared = 0;
        IdentifierVerdict? strongest = null;
        foreach (var member in members)
        {
            foreach (var identifier in graph.Neighbors(member))
            {
                // Count each identifier once, from its smallest member.
                if (graph.Neighbors(identifier)[0] != member)
                {
                    continue;
                }

                var degree = graph.Degree(identifier);
                identifiers++;
                maxShared = Math.Max(maxShared, degree);
                var isDevice = identifier < n + deviceCount;
                if (degree >= 2)
                {
                    sharedDevices += isDevice ? 1 : 0;
                    sharedIps += isDevice ? 0 : 1;
                }

                var verdict = isDevice ? deviceVerdicts[identifier - n] : ipVerdicts[identifier - n - deviceCount];
                if (verdict is { Links: true })
                {
                    farms++;
                    if (strongest is null || verdict.Likeness.Deviations > strongest.Likeness.Deviations)
                    {
                        strongest = verdict;
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
        if (strongest is not null)
        {
            var l = strongest.Likeness;
            evidence += string.Create(CultureInfo.InvariantCulture,
                $"; {farms} identifier(s) shared by more accounts than a household, whose accounts are far more alike than random ones " +
                $"(strongest: {strongest.Accounts} accounts, target overlap {l.Overlap:0.000} vs {l.NullOverlap:0.000} at random, " +
                $"signups spread over {DetectorMath.Days((long)l.SignupSpreadMs)} vs {DetectorMath.Days((long)l.NullSignupSpreadMs)}): a farm, not shared infrastructure");
        }

        var figures = new Dictionary<string, double>
        {
            ["size"] = size,
            ["sharedDevices"] = sharedDevices,
            ["sharedIps"] = sharedIps,
            ["identifiers"] = identifiers,
            ["maxAccountsPerIdentifier"] = maxShared,
            ["farmIdentifiers"] = farms,
        };
        if (strongest is not null)
        {
            figures["farmTargetOverlap"] = Math.Round(strongest.Likeness.Overlap, 4);
            figures["randomTargetOverlap"] = Math.Round(strongest.Likeness.NullOverlap, 4);
            figures["farmLikenessDeviations"] = Math.Round(Math.Min(strongest.Likeness.Deviations, 1e6), 2);
        }

        return new ClusterCandidate([.. members], score, evidence, figures);
    }

    private static void AddIdentifiers(
        EdgeColumns edges, IdentifierCohorts cohorts, IdentifierVerdict?[] verdicts, int offset, EdgeBuffer buffer, int[] used, int[] maxPer)
    {
        for (var i = 0; i < edges.Length; i++)
        {
            var account = edges.Source[i];
            var identifier = edges.Target[i];
            used[account]++;
            maxPer[account] = Math.Max(maxPer[account], cohorts.AccountsOf(identifier));
            if (verdicts[identifier] is not { Links: false })
            {
                buffer.Add(account, offset + identifier, 1f);
            }
        }
    }
}
