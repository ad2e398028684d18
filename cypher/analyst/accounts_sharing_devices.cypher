// Accounts that used at least one device also used by the given account, most shared devices first.
// In Neo4j Browser: :param account_key => 'acct-42'; :param limit => 50;
// params:
//   $account_key: string — the account's external key
//   $limit: int — most accounts returned
MATCH (a:Account {key: $account_key})-[:USES_DEVICE]->(d:Device)<-[:USES_DEVICE]-(o:Account)
WHERE o <> a
WITH o, collect(DISTINCT d.key) AS shared_devices
RETURN o.key AS account,
       size(shared_devices) AS shared_device_count,
       shared_devices,
       o.score AS score,
       o.decision AS decision
ORDER BY shared_device_count DESC, account
LIMIT $limit
