namespace BehaviorGraph.Storage.Postgres;

/// <summary>One embedded schema migration: its version, name and SQL text.</summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql);
