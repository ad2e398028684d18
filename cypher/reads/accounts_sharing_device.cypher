// Every other account that used a device the given account used, with the device and the other account's
// events on it, ordered by account and device.
// params:
//   $key: string — the account's external key
//   $limit: int — most rows returned
MATCH (a:Account {key: $key})-[:USES_DEVICE]->(d:Device)<-[r:USES_DEVICE]-(o:Account)
WHERE o <> a
RETURN o.key AS account, d.key AS identifier, r.count AS events
ORDER BY account, identifier
LIMIT $limit
