namespace BehaviorGraph.Api.Contracts;

/// <summary>What ingesting a request body did.</summary>
public sealed record EventsResponse(string Source, string ContentHash, long Read, long Ingested, long Duplicates, long Quarantined, IReadOnlyDictionary<string, long> QuarantinedByReason, bool AlreadyIngested);
