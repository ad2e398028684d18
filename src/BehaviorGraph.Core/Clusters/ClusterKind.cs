namespace BehaviorGraph.Core.Clusters;

public enum ClusterKind
{
    /// <summary>Accounts linked by shared devices or IPs.</summary>
    Identity = 1,

    /// <summary>A dense, mutually interacting community (spam ring).</summary>
    Ring = 2,

    /// <summary>Accounts acting in lockstep on the same targets (bot cluster).</summary>
    Bot = 3,

    /// <summary>
    /// A dense block of accounts engaging the same targets (content or accounts) far more than the platform's
    /// background: bought likes, follows or ratings (FRAUDAR-style). Members are the accounts; the targets are listed
    /// apart.
    /// </summary>
    Block = 4,
}
