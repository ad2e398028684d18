using System.Diagnostics;
using BehaviorGraph.Neo4j.Tests.Support;

namespace BehaviorGraph.Neo4j.Tests.Cypher;

/// <summary>Runs cypher/lint/lint.mjs (Neo4j's Cypher front-end from npm) over the repository's statements.</summary>
public sealed class CypherLintTests
{
    private static readonly string LintDirectory = Path.Combine(RepoRoot.Path, "cypher", "lint");

    [SkippableFact]
    public async Task EveryCypherFile_HasZeroLintDiagnostics()
    {
        SkipUnlessLintCanRun();

        var (exitCode, output) = await RunLintAsync();

        Assert.True(exitCode == 0, $"lint.mjs exited {exitCode}:\n{output}");
        Assert.Contains("0 diagnostic(s)", output);
    }

    [SkippableFact]
    public async Task Lint_FailsAndPointsAtTheLine_ForABrokenStatement()
    {
        SkipUnlessLintCanRun();
        var dir = Directory.CreateTempSubdirectory("cypher-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "broken.cypher");
            await File.WriteAllTextAsync(file, "// params: none\nMATCH (n:Node\nRETURN n\n");

            var (exitCode, output) = await RunLintAsync(dir.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains("broken.cypher:3:", output);
            Assert.Contains("1 file(s)", output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Lint_Fails_ForAParameterTheHeaderDoesNotDeclare()
    {
        SkipUnlessLintCanRun();
        var dir = Directory.CreateTempSubdirectory("cypher-lint-");
        try
        {
            await File.WriteAllTextAsync(
                Path.Combine(dir.FullName, "undeclared.cypher"),
                "// params:\n//   $limit: int\nMATCH (n:Node) WHERE n.id > $after RETURN n.id AS id LIMIT $limit\n");

            var (exitCode, output) = await RunLintAsync(dir.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains("Parameter $after is not defined", output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void SkipUnlessLintCanRun()
    {
        Skip.If(FindOnPath("node") is null, "node is not on PATH; install Node.js to lint cypher/.");
        Skip.IfNot(
            Directory.Exists(Path.Combine(LintDirectory, "node_modules", "@neo4j-cypher", "language-support")),
            "cypher/lint/node_modules is missing; run (cd cypher/lint && npm ci).");
    }

    private static async Task<(int ExitCode, string Output)> RunLintAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(LintDirectory, "lint.mjs"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
