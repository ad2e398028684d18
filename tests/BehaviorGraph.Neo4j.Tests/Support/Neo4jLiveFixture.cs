using BehaviorGraph.Neo4j.Store;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>
/// A live Neo4j for the store suite: the server named by BEHAVIORGRAPH_TEST_NEO4J
/// (e.g. http://neo4j:password@localhost:7474), else a neo4j:5.26 container through Testcontainers when a
/// Docker engine answers, else none (<see cref="SkipReason"/> says why).
/// </summary>
public sealed class Neo4jLiveFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "BEHAVIORGRAPH_TEST_NEO4J";
    private const string Image = "neo4j:5.26";
    private const string Password = "behaviorgraph-test";

    private IContainer? _container;

    public Neo4jOptions? Options { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Options = Neo4jLocation.Parse(configured).ApplyTo(new Neo4jOptions { BatchSize = 3 });
            await WaitUntilAnswersAsync(TimeSpan.FromSeconds(30));
            return;
        }

        var dockerProblem = await DockerProbe.WhyUnavailableAsync();
        if (dockerProblem is not null)
        {
            SkipReason = $"No live Neo4j: {EnvironmentVariable} is not set and {dockerProblem}.";
            return;
        }

        _container = new ContainerBuilder(Image)
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{Password}")
            .WithPortBinding(7474, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(7474))
            .Build();
        await _container.StartAsync();
        Options = new Neo4jOptions
        {
            Uri = new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(7474)}/"),
            User = "neo4j",
            Password = Password,
            BatchSize = 3,
        };
        await WaitUntilAnswersAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task WaitUntilAnswersAsync(TimeSpan patience)
    {
        await using var store = Neo4jGraphStore.Create(Options!);
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                await store.PingAsync(CancellationToken.None);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
