-- Accounts sharing a device or an IP are found from the identifier's side: these partial indexes make that a
-- lookup instead of a scan of every edge, at little ingest cost (only an account's first use of an identifier
-- adds an entry).
CREATE INDEX edges_by_device ON edges (dst) WHERE type = 'uses_device';
CREATE INDEX edges_by_ip ON edges (dst) WHERE type = 'uses_ip';
