// Upserts IP nodes from one batch of graph-store nodes. Sets absolute values, so running the
// same batch again changes nothing.
// params:
//   $rows: list of {id: int, key: string, first_seen: int (Unix ms), last_seen: int (Unix ms)}
UNWIND $rows AS row
MERGE (n:IP {key: row.key})
SET n:Node,
    n.id = row.id,
    n.first_seen = row.first_seen,
    n.last_seen = row.last_seen
RETURN count(n) AS merged
