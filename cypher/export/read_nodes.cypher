// One keyset page of nodes for the projection, ordered by the numeric id, scalars only.
// kind follows BehaviorGraph.Core NodeKind: 1 Account, 2 Content, 3 Device, 4 IP.
// params:
//   $after: int — the last id of the previous page (the smallest integer for the first page)
//   $limit: int — page size
MATCH (n:Node)
WHERE n.id > $after
RETURN n.id AS id,
       CASE
         WHEN n:Account THEN 1
         WHEN n:Content THEN 2
         WHEN n:Device THEN 3
         WHEN n:IP THEN 4
       END AS kind,
       n.key AS key,
       n.first_seen AS first_seen,
       n.last_seen AS last_seen
ORDER BY id
LIMIT $limit
