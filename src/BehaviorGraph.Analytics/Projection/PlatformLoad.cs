namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// A load: the platform, and what continuing from a previous load added. <see cref="FirstNewEvent"/> is the index of
/// the first event the previous load did not hold (0 in a full load); <see cref="TouchedDevices"/> and
/// <see cref="TouchedIps"/> mark the identifiers the new events came from (null in a full load).
/// <see cref="FullBecause"/> says why a previous load offered was not continued.
/// </summary>
internal sealed record PlatformLoad(PlatformData Data, int FirstNewEvent, bool[]? TouchedDevices, bool[]? TouchedIps, string? FullBecause)
{
    public bool Continued => TouchedDevices is not null;
}
