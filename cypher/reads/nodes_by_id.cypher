// Nodes by their relational id, with kind as BehaviorGraph.Core NodeKind: 1 Account, 2 Content, 3 Device, 4 IP.
// Ids not in the graph give no row.
// params:
//   $ids: list of int — relational node ids
UNWIND $ids AS wanted
MATCH (n:Node {id: wanted})
RETURN n.id AS id,
       CASE
         WHEN n:Account THEN 1
         WHEN n:Content THEN 2
         WHEN n:Device THEN 3
         WHEN n:IP THEN 4
       END AS kind,
       n.key AS key
