// Uniqueness of the external key of Account nodes (also the index MERGE uses).
// params: none
CREATE CONSTRAINT account_key_unique IF NOT EXISTS
FOR (n:Account) REQUIRE n.key IS UNIQUE
