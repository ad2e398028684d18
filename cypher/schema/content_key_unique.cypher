// Uniqueness of the external key of Content nodes (also the index MERGE uses).
// params: none
CREATE CONSTRAINT content_key_unique IF NOT EXISTS
FOR (n:Content) REQUIRE n.key IS UNIQUE
