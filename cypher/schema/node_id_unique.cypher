// Every node also carries the label Node and the numeric id of the relational graph store; this
// constraint makes id unique and indexed, for relationship MERGE by id and keyset-paged export.
// params: none
CREATE CONSTRAINT node_id_unique IF NOT EXISTS
FOR (n:Node) REQUIRE n.id IS UNIQUE
