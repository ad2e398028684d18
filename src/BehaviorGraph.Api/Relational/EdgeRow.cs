namespace BehaviorGraph.Api.Relational;

internal sealed record EdgeRow(long Src, long Dst, string Type, long Count, long FirstTs, long LastTs);
