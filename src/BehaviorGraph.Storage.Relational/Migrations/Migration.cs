namespace BehaviorGraph.Storage.Relational.Migrations;

/// <summary>One embedded schema migration: its version, name (file name without extension) and SQL text.</summary>
public sealed record Migration(int Version, string Name, string Sql);
