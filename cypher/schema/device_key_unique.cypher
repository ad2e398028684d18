// Uniqueness of the external key of Device nodes (also the index MERGE uses).
// params: none
CREATE CONSTRAINT device_key_unique IF NOT EXISTS
FOR (n:Device) REQUIRE n.key IS UNIQUE
