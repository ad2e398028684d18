// Upserts INTERACTS relationships for edge types outside the fixed whitelist (event types the contract
// does not know yet). The edge type is a property, because relationship types cannot be parameters.
// Both end nodes must already exist; rows whose ends are missing are skipped. Idempotent.
// params:
//   $rows: list of {source: int, target: int, type: string, count: int, first_seen: int (Unix ms),
//           last_seen: int (Unix ms), value_sum: float}
UNWIND $rows AS row
MATCH (s:Node {id: row.source})
MATCH (t:Node {id: row.target})
MERGE (s)-[r:INTERACTS {type: row.type}]->(t)
SET r.count = row.count,
    r.first_seen = row.first_seen,
    r.last_seen = row.last_seen,
    r.value_sum = toFloat(row.value_sum)
RETURN count(r) AS merged
