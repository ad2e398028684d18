// Uniqueness of the external key of IP nodes (also the index MERGE uses).
// params: none
CREATE CONSTRAINT ip_key_unique IF NOT EXISTS
FOR (n:IP) REQUIRE n.key IS UNIQUE
