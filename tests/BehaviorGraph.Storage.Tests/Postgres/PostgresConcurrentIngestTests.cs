using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Postgres;
using static BehaviorGraph.Storage.Tests.TestEvents;

namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>Several hosts ingesting overlapping batches into one database at the same time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentIngestTests(PostgresServerFixture server)
{
    [SkippableFact]
    public async Task WriteBatch_FromFourHostsWithSameEvents_InsertsEachEventOnceAndCountsTheRestAsDuplicates()
    {
        var database = await server.CreateDatabaseAsync();
        var hosts = new List<IBehaviorStore>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                hosts.Add(await PostgresBehaviorStore.OpenAsync(database, CancellationToken.None));
            }

            // Every host writes First and Second (overlapping by e4) under its own source: 32 events offered,
            // 7 distinct (e1..e7).
            var results = await Task.WhenAll(hosts.SelectMany((host, i) => new[]
            {
                Task.Run(() => host.Ingest.WriteBatchAsync(Batch($"a{i}", 5, First), CancellationToken.None)),
                Task.Run(() => host.Ingest.WriteBatchAsync(Batch($"b{i}", 3, Second), CancellationToken.None)),
            }));

            Assert.Equal((7, 25), (results.Sum(r => r.Inserted), results.Sum(r => r.Duplicates)));
            var graph = await GraphSnapshot.ReadAsync(hosts[0]);
            Assert.Equal(7, graph.Events.Count);
            Assert.Equal(9, graph.Nodes.Count);
            Assert.Equal(10, graph.Edges.Count);
            Assert.Equal((2, 2000, 4000, 6.5), graph.Edges["account:alice rate account:bob"]);
            Assert.Equal((3, 1000, 4000, 0), graph.Edges["account:alice uses_device device:d1"]);
            Assert.Equal((1, 1000, 1000, 0), graph.Edges["account:alice follow account:bob"]);
            Assert.Equal((1, 3000, 3000, 0), graph.Edges["account:alice like content:post1"]);
            Assert.Equal((100, 4000), graph.Nodes["account:bob"]);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            await server.DropDatabaseAsync(database);
        }
    }
}
