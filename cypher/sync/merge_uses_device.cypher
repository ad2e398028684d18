// Upserts USES_DEVICE relationships (graph-store edge type 'uses_device') from one batch of aggregated edges.
// Both end nodes must already exist (nodes are synced first); rows whose ends are missing are skipped
// and show as merged < batch size. Sets absolute values, so re-running is idempotent.
// params:
//   $rows: list of {source: int, target: int, type: string, count: int, first_seen: int (Unix ms),
//           last_seen: int (Unix ms), value_sum: float}
UNWIND $rows AS row
MATCH (s:Node {id: row.source})
MATCH (t:Node {id: row.target})
MERGE (s)-[r:USES_DEVICE]->(t)
SET r.type = row.type,
    r.count = row.count,
    r.first_seen = row.first_seen,
    r.last_seen = row.last_seen,
    r.value_sum = toFloat(row.value_sum)
RETURN count(r) AS merged
