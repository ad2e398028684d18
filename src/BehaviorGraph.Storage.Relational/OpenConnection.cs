using System.Data.Common;

namespace BehaviorGraph.Storage.Relational;

/// <summary>How an adapter opens a ready-to-use connection of its backend.</summary>
internal delegate Task<DbConnection> OpenConnection(CancellationToken cancellationToken);
