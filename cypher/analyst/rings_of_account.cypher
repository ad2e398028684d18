// Rings (clusters) an account belongs to, as written back by the last scoring run, with their size,
// mean score and highest-scored members. Scans Account nodes: cluster ids live in a list property.
// In Neo4j Browser: :param account_key => 'acct-42'; :param limit => 25;
// params:
//   $account_key: string — the account's external key
//   $limit: int — most members listed per ring
MATCH (a:Account {key: $account_key})
UNWIND coalesce(a.cluster_ids, []) AS cluster_id
MATCH (m:Account)
WHERE cluster_id IN m.cluster_ids
WITH cluster_id, m
ORDER BY coalesce(m.score, -1.0) DESC, m.key
WITH cluster_id, count(m) AS size, avg(m.score) AS mean_score, collect(m.key) AS members
RETURN cluster_id, size, mean_score, members[..$limit] AS top_members
ORDER BY size DESC, cluster_id
