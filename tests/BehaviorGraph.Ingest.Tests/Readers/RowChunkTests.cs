using System.Text;
using BehaviorGraph.Ingest.Readers;

namespace BehaviorGraph.Ingest.Tests.Readers;

public sealed class RowChunkTests
{
    [Fact]
    public void ReadChunks_StartsSmall_AndGrowsFourfoldUpToTheChunkSize()
    {
        using var csv = Csv(100_000);

        var sizes = new CsvEventRowReader().ReadChunks(csv, 50_000, 0, CancellationToken.None).Select(c => c.Events.Count).ToList();

        Assert.Equal([RowChunkBuilder.FirstChunkRows, 50_000, 100_000 - RowChunkBuilder.FirstChunkRows - 50_000], sizes);
    }

    [Fact]
    public void ReadChunks_WithAChunkSizeBelowTheFirstChunk_GivesWholeChunksThroughout()
    {
        using var csv = Csv(2_500);

        var chunks = new CsvEventRowReader().ReadChunks(csv, 1_000, 0, CancellationToken.None).ToList();

        Assert.Equal([1_000, 1_000, 500], chunks.Select(c => c.Events.Count));
        Assert.Equal([1_001L, 2_001L, 2_501L], chunks.Select(c => c.LastLine));
    }

    private static MemoryStream Csv(int rows)
    {
        var text = new StringBuilder("event_id,ts,type,actor,target\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append('e').Append(i).Append(",1700000000,follow,a").Append(i % 97).Append(",a").Append(i % 89).Append('\n');
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
