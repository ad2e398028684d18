using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Consecutive rows of one source, parsed: valid events, quarantined rows, the last line covered, and how many
/// rows were read or skipped (already ingested by an interrupted earlier run).
/// </summary>
internal sealed record RowChunk(List<InteractionEvent> Events, List<QuarantinedRow> Quarantined, long LastLine, long RowsRead, long RowsSkipped);
