using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Wcc;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>
/// Weakly connected components of the account–device–IP bipartite graph, through the identifiers that link (see
/// <see cref="IdentityParameters"/>): those shared like the platform's households share, and larger ones whose accounts
/// are far more alike than random cohorts (farms). Every component with enough accounts is a cluster; its score grows
/// with its size and with how many identifiers its accounts share. Features: each account's devices and IPs, the most
/// accounts on any one of them, and the size and score of its linked-identity cluster.
/// </summary>
internal sealed class IdentityDetector(IdentityParameters parameters) : IDetector
{
    public string Name => "identities";

    public IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        AccountFeatures.DevicesUsed, AccountFeatures.IpsUsed, AccountFeatures.MaxAccountsPerDevice, AccountFeatures.MaxAccountsPerIp,
        AccountFeatures.IdentityGroupSize, AccountFeatures.IdentityScore,
    ];

    public bool CrossReferencesOverlaps => false;

    public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
    {
        var identity = Detect(context.Data, context.Engagement, parameters, cancellationToken);
        var n = context.Data.AccountCount;
        var devices = new float[n];
        var ips = new float[n];
        var perDevice = new float[n];
        var perIp = new float[n];
        for (var a = 0; a < n; a++)
        {
            devices[a] = identity.DevicesUsed[a];
            ips[a] = identity.IpsUsed[a];
            perDevice[a] = identity.MaxAccountsPerDevice[a];
            perIp[a] = identity.MaxAccountsPerIp[a];
        }

        var groupSize = new float[n];
        var score = new float[n];
        Array.Fill(groupSize, 1f);
        ClusterColumns.Assign(identity.Ordered, score, groupSize);
        return new DetectorOutput(
            identity.Clusters,
            [
                new FeatureColumn(AccountFeatures.DevicesUsed, devices),
                new FeatureColumn(AccountFeatures.IpsUsed, ips),
                new FeatureColumn(AccountFeatures.MaxAccountsPerDevice, perDevice),
                new FeatureColumn(AccountFeatures.MaxAccountsPerIp, perIp),
                new FeatureColumn(AccountFeatures.IdentityGroupSize, groupSize),
                new FeatureColumn(AccountFeatures.IdentityScore, score),
            ],
            string.Create(CultureInfo.InvariantCulture,
                $"{identity.Clusters.Count:N0} linked-identity cluster(s) (identifiers link up to {identity.DeviceHouseholdLimit} accounts per device and {identity.IpHouseholdLimit} per IP, as households do here; {identity.FarmIdentifiers:N0} larger ones link as farms, {identity.DroppedDevices:N0} devices and {identity.DroppedIps:N0} IPs are shared infrastructure)"));
    }

    private static IdentityDetection Detect(PlatformData data, EngagementGraph engagement, IdentityParameters options, CancellationToken cancellationToken)
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
        List<int> members, CsrGraph graph, int n, int deviceCount, IdentifierVerdict?[] deviceVerdicts, IdentifierVerdict?[] ipVerdicts, IdentityParameters options)
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
        var score = (options.SizeWeight * sizeScore) + (options.SharingWeight * sharing);
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
