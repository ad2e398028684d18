using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Consecutive lines of one source, parsed: valid events, quarantined rows, the last line covered, and how many
/// rows were read, skipped (already ingested by an interrupted earlier run) or blank.
/// </summary>
internal sealed record RowChunk(
    List<InteractionEvent> Events, List<QuarantinedRow> Quarantined, long LastLine, long RowsRead, long RowsSkipped, long BlankLines = 0);
