using System.Runtime.InteropServices;
using BehaviorGraph.Core.Graph;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Every node the ingest writer has seen, by slot: a key maps to a slot once, and the slot carries the node's
/// id and stored seen range. Slots are handed out under <see cref="Gate"/> (by the batch preparer, and by the
/// writer when it learns of nodes another process added); ids and ranges are read and written only by the
/// writer, inside its transaction. Slot storage never moves, so both can run at once.
/// </summary>
internal sealed class NodeDirectory
{
    private readonly Dictionary<NodeKey, int> _slots = [];
    private readonly PagedArray<NodeKey> _keys = new();
    private readonly PagedArray<NodeState> _states = new();

    /// <summary>Held while slots are handed out.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The highest node id the directory knows every node up to. Writer only.</summary>
    public long KnownMaxId { get; set; }

    /// <summary>Slots handed out so far. Read it under <see cref="Gate"/>.</summary>
    public int Count => _slots.Count;

    /// <summary>The key's slot, handing out a new one (with no id yet) for an unknown key. Call under <see cref="Gate"/>.</summary>
    public int SlotOf(NodeKey key)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var exists);
        if (!exists)
        {
            slot = _slots.Count - 1;
            _keys.EnsureCapacity(slot + 1);
            _states.EnsureCapacity(slot + 1);
            _keys[slot] = key;
        }

        return slot;
    }

    public ref NodeState this[int slot] => ref _states[slot];

    public NodeKey KeyOf(int slot) => _keys[slot];

    /// <summary>
    /// Learns the nodes committed with ids above <see cref="KnownMaxId"/> — all of them on first use, afterwards
    /// only those another process added. Call inside the write transaction, so nothing is added meanwhile.
    /// </summary>
    public void CatchUp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, key, first_seen, last_seen FROM nodes WHERE id > $after ORDER BY id";
        command.Parameters.AddWithValue("$after", KnownMaxId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return;
        }

        using (Gate.EnterScope())
        {
            do
            {
                var id = reader.GetInt64(0);
                var slot = SlotOf(new NodeKey((NodeKind)reader.GetInt32(1), reader.GetString(2)));
                ref var state = ref _states[slot];
                if (state.Id != 0 && state.Id != id)
                {
                    throw new InvalidOperationException(
                        $"Node {KeyOf(slot)} has id {id} in the store but {state.Id} in the ingest writer's directory.");
                }

                state = new NodeState { Id = id, First = reader.GetInt64(3), Last = reader.GetInt64(4) };
                KnownMaxId = id;
            }
            while (reader.Read());
        }
    }
}
