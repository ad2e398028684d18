// The highest-scored accounts of one cluster (cluster ids and scores come from the scoring write-back).
// In Neo4j Browser: :param cluster_id => 'ring-7'; :param limit => 20;
// params:
//   $cluster_id: string — the cluster id as written back onto Account.cluster_ids
//   $limit: int — most accounts returned
MATCH (a:Account)
WHERE $cluster_id IN a.cluster_ids
  AND a.score IS NOT NULL
RETURN a.key AS account,
       a.score AS score,
       a.decision AS decision,
       a.model_version AS model_version
ORDER BY score DESC, account
LIMIT $limit
