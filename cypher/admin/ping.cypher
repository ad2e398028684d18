// Health check: answers when the database accepts queries.
// params: none
RETURN 1 AS ok
