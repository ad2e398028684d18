namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Everything an analysis run reads, as flat arrays. Accounts, content, devices and IPs are each numbered
/// 0..count-1 in store order; edges are split by the kind of their target; target indices of events are encoded by
/// <see cref="EncodeTarget"/> (content as is, accounts offset by <see cref="ContentCount"/>).
/// </summary>
internal sealed class PlatformData
{
    public required string[] AccountKeys { get; init; }

    public required long[] AccountFirstSeenMs { get; init; }

    public required int ContentCount { get; init; }

    public required int DeviceCount { get; init; }

    public required int IpCount { get; init; }

    /// <summary>account → account edges (follow, message, report, rate and unknown account-target types).</summary>
    public required EdgeColumns AccountEdges { get; init; }

    /// <summary>account → content edges (post, like, comment, share, view…).</summary>
    public required EdgeColumns ContentEdges { get; init; }

    /// <summary>account → device edges (uses_device).</summary>
    public required EdgeColumns DeviceEdges { get; init; }

    /// <summary>account → IP edges (uses_ip).</summary>
    public required EdgeColumns IpEdges { get; init; }

    /// <summary>Events whose actor is an account; <see cref="EventColumns.Target"/> holds <see cref="EncodeTarget"/> values.</summary>
    public required EventColumns Events { get; init; }

    /// <summary>Latest event time: "now" for ages, so a rerun on the same data gives the same features.</summary>
    public required long ReferenceTimeMs { get; init; }

    public required long NodesRead { get; init; }

    /// <summary>The largest node id read: the nodes a later load continuing this one must find first.</summary>
    public required long MaxNodeId { get; init; }

    /// <summary>The sequence number of the last event of the log this load covers (<see cref="Core.Storage.EventSpan"/>).</summary>
    public required long EventSequence { get; init; }

    /// <summary>Edges aggregated from the events, every family.</summary>
    public long EdgesRead => AccountEdges.Length + ContentEdges.Length + DeviceEdges.Length + IpEdges.Length;

    public int AccountCount => AccountKeys.Length;

    public int EncodeContent(int content) => content;

    public int EncodeAccount(int account) => ContentCount + account;

    /// <summary>The account behind an encoded event target, or -1 when the target is content or absent.</summary>
    public int TargetAccount(int encoded) => encoded >= ContentCount ? encoded - ContentCount : -1;

    public static int EncodeTarget(int contentCount, bool isAccount, int index) => isAccount ? contentCount + index : index;
}
