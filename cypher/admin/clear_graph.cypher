// Deletes every node the adapter wrote, with its relationships. Used by the test suite only.
// params: none
MATCH (n:Node)
DETACH DELETE n
