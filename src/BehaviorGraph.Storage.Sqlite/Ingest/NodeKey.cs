using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

internal readonly record struct NodeKey(NodeKind Kind, string Key);
