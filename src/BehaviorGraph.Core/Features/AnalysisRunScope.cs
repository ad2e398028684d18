namespace BehaviorGraph.Core.Features;

/// <summary>
/// How an analysis run was computed: a full run over everything, or an incremental one continuing
/// <see cref="PreviousRunId"/> that read <see cref="NewEvents"/> new events touching <see cref="TouchedAccounts"/>
/// accounts. <see cref="Recomputed"/> says what each part recomputed, or why the run was full.
/// </summary>
public sealed record AnalysisRunScope(bool Incremental, long? PreviousRunId, long NewEvents, int TouchedAccounts, string Recomputed)
{
    public const string FullMode = "full";
    public const string IncrementalMode = "incremental";

    public string Mode => Incremental ? IncrementalMode : FullMode;

    public static AnalysisRunScope Full(long events, int accounts, string why) => new(false, null, events, accounts, why);
}
