using System.Runtime.InteropServices;
using BehaviorGraph.Core.Graph;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Every node's id and seen range, kept by the ingest writer so rows resolve their nodes without a query.
/// A key maps to a slot in a flat array, so a row hashes each of its keys once. Ids are assigned here, inside
/// the batch transaction that holds SQLite's write lock; before each batch the cache catches up with nodes
/// another process may have added since (ids only grow).
/// </summary>
internal sealed class NodeCache
{
    private readonly Dictionary<NodeKey, int> _slots = [];
    private NodeState[] _states = new NodeState[1024];
    private NodeKey[] _keys = new NodeKey[1024];
    private long _maxId;

    public int Count => _slots.Count;

    /// <summary>Loads nodes with ids above the highest one seen so far. Call inside the write transaction.</summary>
    public void CatchUp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, key, first_seen, last_seen FROM nodes WHERE id > $after ORDER BY id";
        command.Parameters.AddWithValue("$after", _maxId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var key = new NodeKey((NodeKind)reader.GetInt32(1), reader.GetString(2));
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var exists);
            if (!exists)
            {
                slot = Add(key);
            }

            _states[slot] = new NodeState(id, reader.GetInt64(3), reader.GetInt64(4), isNew: false);
            _maxId = id;
        }
    }

    /// <summary>The node's slot, creating the node (as new to the open batch) when unknown.</summary>
    public int Resolve(NodeKey key, long timestampMs, List<int> created)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var exists);
        if (!exists)
        {
            slot = Add(key);
            _states[slot] = new NodeState(++_maxId, timestampMs, timestampMs, isNew: true);
            created.Add(slot);
        }

        return slot;
    }

    public ref NodeState this[int slot] => ref _states[slot];

    public NodeKey KeyOf(int slot) => _keys[slot];

    /// <summary>Records that an event new to the log touched the node at the given time.</summary>
    public void Touch(int slot, long timestampMs, List<int> dirty)
    {
        if (_states[slot].Touch(timestampMs))
        {
            dirty.Add(slot);
        }
    }

    private int Add(NodeKey key)
    {
        var slot = _slots.Count - 1;
        if (slot == _states.Length)
        {
            Array.Resize(ref _states, _states.Length * 2);
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[slot] = key;
        return slot;
    }
}
