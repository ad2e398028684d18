// The Account node with this key, as the neighbourhood search starts from it (no row when there is none).
// params:
//   $key: string — the account's external key
MATCH (a:Account {key: $key})
RETURN a.id AS id, a.key AS key
