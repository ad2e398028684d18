using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Core.Storage;

/// <summary>
/// One unit of atomic ingest: good events and quarantined rows of one source, up to and including
/// <see cref="LastLine"/>. A store writes all of it or none of it, and records <see cref="LastLine"/> as the
/// source's progress in the same transaction.
/// </summary>
public sealed record EventBatch(
    IngestSource Source,
    IReadOnlyList<InteractionEvent> Events,
    IReadOnlyList<QuarantinedRow> Quarantined,
    long LastLine);
