namespace BehaviorGraph.Ingest.Readers;

/// <summary>Reads one source's rows into chunks; rows up to <c>skipThroughLine</c> are counted as skipped, not parsed.</summary>
internal interface IEventRowReader
{
    IEnumerable<RowChunk> ReadChunks(Stream input, int chunkSize, long skipThroughLine, CancellationToken cancellationToken);
}
