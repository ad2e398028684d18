namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>What the ring detector measured on one candidate group.</summary>
internal sealed record RingMeasure(
    int Size,
    double MutualDensity,
    double FollowDensity,
    double ReciprocityInside,
    double ReciprocityOutside,
    long SignupSpreadMs,
    int Strangers,
    double OutreachPerMember,
    long ReportsReceived,
    int SharedDevices,
    int SharedIps);
