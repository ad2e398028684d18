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
            ord         INT NOT NULL,
            event_id    TEXT COLLATE "C",
            ts          BIGINT,
            type        TEXT,
            actor       TEXT COLLATE "C",
            target      TEXT COLLATE "C",
            target_kind SMALLINT NOT NULL,
            value       DOUBLE PRECISION,
            device      TEXT COLLATE "C",
            ip          TEXT COLLATE "C"
        ) ON COMMIT DROP;
        CREATE TEMP TABLE bg_new (
            ts     BIGINT NOT NULL,
            type   TEXT NOT NULL,
            actor  BIGINT NOT NULL,
            target BIGINT,
            value  DOUBLE PRECISION,
            device BIGINT,
            ip     BIGINT
        ) ON COMMIT DROP
        """;

    public const string CopyStaging =
        "COPY bg_stage (ord, event_id, ts, type, actor, target, target_kind, value, device, ip) FROM STDIN (FORMAT BINARY)";

    /// <summary>The first occurrence of every event id the log does not have yet.</summary>
    public const string SelectCandidates =
        """
        CREATE TEMP TABLE bg_candidate ON COMMIT DROP AS
        SELECT DISTINCT ON (s.event_id) s.*
        FROM bg_stage s
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = s.event_id)
        ORDER BY s.event_id, s.ord
        """;

    /// <summary>Temp tables are never auto-analysed; without statistics the joins below get nested-loop plans.</summary>
    public const string AnalyzeCandidates = "ANALYZE bg_candidate";

    /// <summary>Creates the nodes the candidates touch that do not exist yet, in key order (fewer lock waits).</summary>
    public const string InsertNodes =
        """
        INSERT INTO nodes (kind, key, first_seen, last_seen)
        SELECT kind, key, min(ts), max(ts)
        FROM (
            SELECT 1::smallint AS kind, actor AS key, ts FROM bg_candidate
            UNION ALL SELECT target_kind, target, ts FROM bg_candidate WHERE target IS NOT NULL
            UNION ALL SELECT 3::smallint, device, ts FROM bg_candidate WHERE device IS NOT NULL
            UNION ALL SELECT 4::smallint, ip, ts FROM bg_candidate WHERE ip IS NOT NULL
        ) touched
        GROUP BY kind, key
        ORDER BY kind, key
        ON CONFLICT (kind, key) DO NOTHING
        """;

    /// <summary>
    /// Appends the candidates in batch order; ON CONFLICT covers a concurrent writer that inserted the same
    /// event id meanwhile. Only the rows really inserted reach bg_new, and the affected-row count is the
    /// number of new events.
    /// </summary>
    public const string InsertEvents =
        """
        WITH inserted AS (
            INSERT INTO events (event_id, ts, type, actor, target, value, device, ip)
            SELECT c.event_id, c.ts, c.type, a.id, t.id, c.value, d.id, i.id
            FROM bg_candidate c
            JOIN nodes a ON a.kind = 1 AND a.key = c.actor
            LEFT JOIN nodes t ON t.kind = c.target_kind AND t.key = c.target
            LEFT JOIN nodes d ON d.kind = 3 AND d.key = c.device
            LEFT JOIN nodes i ON i.kind = 4 AND i.key = c.ip
            ORDER BY c.ord
            ON CONFLICT (event_id) DO NOTHING
            RETURNING ts, type, actor, target, value, device, ip
        )
        INSERT INTO bg_new SELECT ts, type, actor, target, value, device, ip FROM inserted
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
            FROM bg_new WHERE target IS NOT NULL GROUP BY actor, target, type
            UNION ALL
            SELECT actor, device, 'uses_device', count(*), min(ts), max(ts), 0
            FROM bg_new WHERE device IS NOT NULL GROUP BY actor, device
            UNION ALL
            SELECT actor, ip, 'uses_ip', count(*), min(ts), max(ts), 0
            FROM bg_new WHERE ip IS NOT NULL GROUP BY actor, ip
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
                SELECT actor AS id, ts FROM bg_new
                UNION ALL SELECT target, ts FROM bg_new WHERE target IS NOT NULL
                UNION ALL SELECT device, ts FROM bg_new WHERE device IS NOT NULL
                UNION ALL SELECT ip, ts FROM bg_new WHERE ip IS NOT NULL
            ) touched
            GROUP BY id
        ) t
        WHERE n.id = t.id AND (t.first_ts < n.first_seen OR t.last_ts > n.last_seen)
        """;

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
