namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>
/// A cohort against random cohorts of its size: mean target overlap (cohort, null mean, standard deviations above) and
/// signup spread in ms (cohort, null mean, standard deviations tighter).
/// </summary>
internal sealed record CohortComparison(
    double Overlap, double NullOverlap, double OverlapDeviations, double SignupSpreadMs, double NullSignupSpreadMs, double SpreadDeviations)
{
    public double Deviations => Math.Max(OverlapDeviations, SpreadDeviations);
}
