namespace BehaviorGraph.Ingest.Readers;

/// <summary>Turns one physical line of a format into an event or a quarantined row.</summary>
internal interface IRowParser
{
    /// <summary>Whether the first line that is not blank names the columns (CSV) instead of being a row.</summary>
    bool HasHeader { get; }

    /// <summary>Reads the header line; throws <see cref="IngestInputException"/> when the source cannot be read with it.</summary>
    void ReadHeader(ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>Adds the line (not blank, within the row limit) to <paramref name="builder"/> as an event or a quarantined row.</summary>
    void ReadRow(ReadOnlySpan<byte> line, long lineNumber, RowChunkBuilder builder);
}
