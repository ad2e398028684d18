// One keyset page of aggregated edges for the projection, ordered by (source id, target id, type),
// scalars only. Only relationships the adapter wrote (they carry a type property) are returned.
// params:
//   $after_source: int — source id of the last edge of the previous page (smallest integer at first)
//   $after_target: int — target id of the last edge of the previous page (smallest integer at first)
//   $after_type: string — edge type of the last edge of the previous page ('' at first)
//   $types: list of string, or null for every type
//   $limit: int — page size
MATCH (s:Node)-[r]->(t:Node)
WHERE s.id >= $after_source
  AND r.type IS NOT NULL
  AND ($types IS NULL OR r.type IN $types)
  AND (s.id > $after_source
       OR t.id > $after_target
       OR (t.id = $after_target AND r.type > $after_type))
RETURN s.id AS source,
       t.id AS target,
       r.type AS type,
       r.count AS count,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen,
       r.value_sum AS value_sum
ORDER BY source, target, type
LIMIT $limit
