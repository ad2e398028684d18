namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A node as the ingest writer knows it: its id (0 while no committed row has it) and the seen range stored
/// in its row, so an event inside the range needs no update.
/// </summary>
internal struct NodeState
{
    public long Id;
    public long First;
    public long Last;
}
