namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// The review queue: accounts whose latest decision is review and that no label has judged since, highest score first,
/// then the highest-scoring accounts no label names. <see cref="ReviewPending"/> counts every such review account
/// (with the kind filter), <see cref="Items"/> holds at most the limit asked for.
/// </summary>
public sealed record ReviewQueue(long? RunId, string? ModelVersion, DateTimeOffset? ScoredAt, int ReviewPending, IReadOnlyList<QueueItem> Items);
