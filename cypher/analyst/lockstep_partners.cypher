// Lockstep partners of an account: other accounts that did the same kind of interaction with the same
// targets, each pair of first actions at most $window_ms apart. Relationships are aggregated, so the
// closeness of first_seen is the signal here; the analytics lockstep detector uses the full event log.
// Identity links (uses_device, uses_ip) are left out: see accounts_sharing_devices for those.
// In Neo4j Browser: :param account_key => 'acct-42'; :param window_ms => 60000;
//                   :param min_shared => 3; :param limit => 50;
// params:
//   $account_key: string — the account's external key
//   $window_ms: int — greatest gap between the two accounts' first actions on a target, in ms
//   $min_shared: int — fewest shared targets for a partner to be listed
//   $limit: int — most partners returned
MATCH (a:Account {key: $account_key})-[r1]->(t:Node)<-[r2]-(b:Account)
WHERE b <> a
  AND r1.type = r2.type
  AND NOT r1.type IN ['uses_device', 'uses_ip']
  AND abs(r1.first_seen - r2.first_seen) <= $window_ms
WITH b, count(DISTINCT t) AS shared_targets, collect(DISTINCT r1.type) AS interaction_types
WHERE shared_targets >= $min_shared
RETURN b.key AS partner,
       shared_targets,
       interaction_types,
       b.score AS score,
       b.decision AS decision
ORDER BY shared_targets DESC, partner
LIMIT $limit
