// Every node within two hops of an account (any relationship, either direction), nearest first.
// A shared public IP or a popular post makes this large; $limit applies after grouping.
// In Neo4j Browser: :param account_key => 'acct-42'; :param limit => 200;
// params:
//   $account_key: string — the account's external key
//   $limit: int — most nodes returned
MATCH p = (a:Account {key: $account_key})-[*1..2]-(b:Node)
WHERE b <> a
WITH b, min(length(p)) AS hops
RETURN b.key AS key,
       [label IN labels(b) WHERE label <> 'Node'][0] AS kind,
       hops,
       b.score AS score,
       b.decision AS decision
ORDER BY hops, kind, key
LIMIT $limit
