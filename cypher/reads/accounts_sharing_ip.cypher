// Every other account that acted from an IP address the given account acted from, with the address and the
// other account's events from it, ordered by account and address.
// params:
//   $key: string — the account's external key
//   $limit: int — most rows returned
MATCH (a:Account {key: $key})-[:USES_IP]->(i:IP)<-[r:USES_IP]-(o:Account)
WHERE o <> a
RETURN o.key AS account, i.key AS identifier, r.count AS events
ORDER BY account, identifier
LIMIT $limit
