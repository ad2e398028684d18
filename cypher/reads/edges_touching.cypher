// Relationships the adapter wrote (they carry a type property) from or to any of the given nodes, each once,
// heaviest first: one hop of the neighbourhood search. Found through the unique index on Node.id.
// params:
//   $ids: list of int — relational ids of the frontier's nodes
//   $limit: int — most relationships returned
UNWIND $ids AS wanted
MATCH (n:Node {id: wanted})-[r]-(:Node)
WHERE r.type IS NOT NULL
WITH DISTINCT r
WITH startNode(r) AS s, r, endNode(r) AS t
RETURN s.id AS source,
       t.id AS target,
       r.type AS type,
       r.count AS count,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen
ORDER BY count DESC, source, target, type
LIMIT $limit
