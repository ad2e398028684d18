// Relationships whose both ends are among the given accounts (a cluster's internal edges), ordered by
// source id, target id and type. Found through the unique index on Account.key.
// params:
//   $keys: list of string — the accounts' external keys
//   $limit: int — most relationships returned
UNWIND $keys AS wanted
MATCH (s:Account {key: wanted})-[r]->(t:Account)
WHERE r.type IS NOT NULL AND t.key IN $keys
RETURN s.id AS source,
       s.key AS source_key,
       t.id AS target,
       t.key AS target_key,
       r.type AS type,
       r.count AS count,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen
ORDER BY source, target, type
LIMIT $limit
