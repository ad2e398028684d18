using System.Text;
using BehaviorGraph.Ingest.Tests.Support;

namespace BehaviorGraph.Ingest.Tests;

/// <summary>
/// A hostile row too long to hold is quarantined while it streams past. The allocation counter is process-wide, so
/// this class runs alone (<see cref="SoloAllocationCollection"/>): another test class allocating meanwhile would be
/// counted against ingest.
/// </summary>
[Collection(SoloAllocationCollection.Name)]
public sealed class HostileInputMemoryTests
{
    [Fact]
    public async Task Ingest_A200MBJsonLine_IsQuarantined_WithoutHoldingIt()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.File("events.jsonl");
        await using (var file = File.Create(path))
        {
            static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
            await file.WriteAsync(Utf8("{\"ts\":\"2024-01-01T00:00:00Z\",\"type\":\"follow\",\"actor\":\"a1\",\"target\":\"a2\"}\n"));
            await file.WriteAsync(Utf8("{\"ts\":\"2024-01-01T00:00:00Z\",\"type\":\"follow\",\"actor\":\"a1\",\"target\":\"a3\",\"note\":\""));
            var block = Enumerable.Repeat((byte)'x', 1 << 20).ToArray();
            for (var i = 0; i < 200; i++)
            {
                await file.WriteAsync(block);
            }

            await file.WriteAsync(Utf8("\"}\n{\"ts\":\"2024-01-01T00:00:00Z\",\"type\":\"follow\",\"actor\":\"a1\",\"target\":\"a4\"}\n"));
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = await fx.IngestAsync(path);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal((3L, 2L, 1L), (report.Read, report.Ingested, report.Quarantined));
        Assert.StartsWith("row_too_long:", await fx.QueryScalarAsync<string>("SELECT reason FROM quarantine WHERE line = 2"), StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"ingesting the file allocated {allocated / (1 << 20)} MB");
    }
}
