namespace BehaviorGraph.Ingest.Validation;

/// <summary>The raw text of one input row's contract fields, before validation. Absent fields are empty.</summary>
internal ref struct EventFields
{
    public ReadOnlySpan<char> EventId;
    public ReadOnlySpan<char> Ts;
    public ReadOnlySpan<char> Type;
    public ReadOnlySpan<char> Actor;
    public ReadOnlySpan<char> Target;
    public ReadOnlySpan<char> TargetKind;
    public ReadOnlySpan<char> Value;
    public ReadOnlySpan<char> Device;
    public ReadOnlySpan<char> Ip;
}
