namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// The statements of one batch write, in the order they run. Staging tables live for one transaction
/// (ON COMMIT DROP), so a failed or cancelled batch leaves nothing behind, not even staging rows.
/// Node kinds: 1 account, 2 content, 3 device, 4 ip (Core's NodeKind values).
/// </summary>
internal static class IngestSql
{
    public const string CreateStaging =
        """
        SET LOCAL work_mem = '64MB';
        CREATE TEMP TABLE bg_stage (
            ord      INT NOT NULL,
            event_id TEXT COLLATE "C" NOT NULL,
            ts       BIGINT NOT NULL,
            type     TEXT NOT NULL,
            actor    BIGINT NOT NULL,
            target   BIGINT,
            value    DOUBLE PRECISION,
            device   BIGINT,
            ip       BIGINT
        ) ON COMMIT DROP
        """;

    public const string CopyStaging =
        "COPY bg_stage (ord, event_id, ts, type, actor, target, value, device, ip) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Inserts the nodes the ingest writer does not know, in key order (fewer lock waits between writers), leaving a
    /// node another writer has as it is, and returns the ids of all of them.
    /// </summary>
    public const string AddNodes =
        """
        INSERT INTO nodes (kind, key, first_seen, last_seen)
        SELECT u.kind, u.key, u.first_seen, u.last_seen
        FROM unnest(@kinds::smallint[], @keys::text[], @firsts::bigint[], @lasts::bigint[]) AS u (kind, key, first_seen, last_seen)
        ORDER BY u.kind, u.key COLLATE "C"
        ON CONFLICT (kind, key) DO NOTHING;
        SELECT n.id AS Id, n.kind AS Kind, n.key AS Key
        FROM unnest(@kinds::smallint[], @keys::text[]) AS u (kind, key)
        JOIN nodes n ON n.kind = u.kind AND n.key = u.key COLLATE "C"
        """;

    /// <summary>
    /// Drops the staged events whose id the log already has (the batch itself holds each id once), so that what
    /// stays is exactly what the batch adds: the events, and through them the edges and node times.
    /// Each staged event is one probe of the event_id index: joins other than nested loops are switched off for this
    /// statement, because a hash or merge join would read the whole log, whose size grows with every batch.
    /// </summary>
    public const string DropKnownEvents =
        """
        SET LOCAL enable_hashjoin = off;
        SET LOCAL enable_mergejoin = off;
        DELETE FROM bg_stage s USING events e WHERE e.event_id = s.event_id;
        RESET enable_hashjoin;
        RESET enable_mergejoin
        """;

    /// <summary>
    /// Appends the new events in batch order. An id a concurrent writer committed after the statement above looked
    /// fails the batch with a unique violation, and the batch is written again.
    /// </summary>
    public const string InsertEvents =
        """
        INSERT INTO events (event_id, ts, type, actor, target, value, device, ip)
        SELECT event_id, ts, type, actor, target, value, device, ip
        FROM bg_stage
        ORDER BY ord
        """;

    /// <summary>
    /// Aggregates the new events into edges and adds them to the existing aggregates. The outer GROUP BY
    /// merges an event type that happens to be named like an identifier edge type, so no key is upserted twice.
    /// </summary>
    public const string UpsertEdges =
        """
        INSERT INTO edges AS e (src, dst, type, count, first_ts, last_ts, value_sum)
        SELECT src, dst, type, sum(n)::bigint, min(first_ts), max(last_ts), sum(value_sum)
        FROM (
            SELECT actor AS src, target AS dst, type, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts,
                   sum(COALESCE(value, 0)) AS value_sum
            FROM bg_stage WHERE target IS NOT NULL GROUP BY actor, target, type
            UNION ALL
            SELECT actor, device, 'uses_device', count(*), min(ts), max(ts), 0
            FROM bg_stage WHERE device IS NOT NULL GROUP BY actor, device
            UNION ALL
            SELECT actor, ip, 'uses_ip', count(*), min(ts), max(ts), 0
            FROM bg_stage WHERE ip IS NOT NULL GROUP BY actor, ip
        ) grouped
        GROUP BY src, dst, type
        ORDER BY src, dst, type
        ON CONFLICT (src, dst, type) DO UPDATE
        SET count = e.count + excluded.count,
            first_ts = LEAST(e.first_ts, excluded.first_ts),
            last_ts = GREATEST(e.last_ts, excluded.last_ts),
            value_sum = e.value_sum + excluded.value_sum
        """;

    /// <summary>Widens first/last seen of every node the new events touched.</summary>
    public const string UpdateNodeTimes =
        """
        UPDATE nodes n
        SET first_seen = LEAST(n.first_seen, t.first_ts), last_seen = GREATEST(n.last_seen, t.last_ts)
        FROM (
            SELECT id, min(ts) AS first_ts, max(ts) AS last_ts
            FROM (
                SELECT actor AS id, ts FROM bg_stage
                UNION ALL SELECT target, ts FROM bg_stage WHERE target IS NOT NULL
                UNION ALL SELECT device, ts FROM bg_stage WHERE device IS NOT NULL
                UNION ALL SELECT ip, ts FROM bg_stage WHERE ip IS NOT NULL
            ) touched
            GROUP BY id
        ) t
        WHERE n.id = t.id AND (t.first_ts < n.first_seen OR t.last_ts > n.last_seen)
        """;

    /// <summary>The statements that merge the staged events into the log and graph, in order, with the phase each one is profiled as.</summary>
    public static readonly IReadOnlyList<(string Phase, string Sql)> Merge =
    [
        ("write: analyze staging", "ANALYZE bg_stage"),
        ("write: drop known events", DropKnownEvents),
        ("write: insert events", InsertEvents),
        ("write: upsert edges", UpsertEdges),
        ("write: widen node times", UpdateNodeTimes),
    ];

    public const string InsertQuarantine =
        """
        INSERT INTO quarantine (content_hash, line, source, reason, raw, quarantined_at)
        SELECT @hash, q.line, @source, q.reason, q.raw, @now
        FROM unnest(@lines::bigint[], @reasons::text[], @raws::text[]) AS q (line, reason, raw)
        ON CONFLICT (content_hash, line) DO NOTHING
        """;

    public const string UpsertSource =
        """
        INSERT INTO ingest_sources AS s
            (content_hash, name, last_line, inserted, duplicates, quarantined, updated_at, completed_at)
        VALUES (@ContentHash, @Name, @LastLine, @inserted, @duplicates, @quarantined, @now, NULL)
        ON CONFLICT (content_hash) DO UPDATE
        SET name = excluded.name,
            last_line = excluded.last_line,
            inserted = s.inserted + excluded.inserted,
            duplicates = s.duplicates + excluded.duplicates,
            quarantined = s.quarantined + excluded.quarantined,
            updated_at = excluded.updated_at
        """;
}
