// Writes the outcome of a scoring run onto Account nodes, so analysts can query it in Cypher.
// Accounts not in Neo4j are skipped; updated counts the ones found.
// params:
//   $rows: list of {key: string, score: float, decision: string, model_version: string,
//           cluster_ids: list of string}
UNWIND $rows AS row
MATCH (a:Account {key: row.key})
SET a.score = toFloat(row.score),
    a.decision = row.decision,
    a.model_version = row.model_version,
    a.cluster_ids = row.cluster_ids
RETURN count(a) AS updated
