using System.Diagnostics;

namespace BehaviorGraph.Cli.Tests.Packaging;

/// <summary>
/// bgraph as a .NET tool: the CLI project packs into a tool package that <c>dotnet tool install</c> installs into a tool
/// path, and the installed command runs. The pack reuses the build the tests run on (--no-build), so this takes seconds.
/// </summary>
public sealed class ToolPackageTests
{
    [SkippableFact]
    public async Task Pack_ThenToolInstall_GivesABgraphCommandThatRuns()
    {
        var project = FindCliProject();
        Skip.If(project is null, "The CLI project is not above the test output (tests run outside the source tree).");
        // The tests' own build configuration (bin/<Configuration>/net10.0), so the pack finds that build.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        using var dir = new TempDirectory();
        var feed = Path.Combine(dir.Path, "feed");
        var tools = Path.Combine(dir.Path, "tools");

        var pack = await DotnetAsync(dir.Path, "pack", project!, "--no-build", "-c", configuration, "-o", feed, "-p:NuGetAudit=false");
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "BehaviorGraph.Cli.*.nupkg"));

        var install = await DotnetAsync(dir.Path, "tool", "install", "BehaviorGraph.Cli", "--tool-path", tools, "--add-source", feed, "--ignore-failed-sources",
            "--version", Path.GetFileNameWithoutExtension(package)["BehaviorGraph.Cli.".Length..]);
        Assert.True(install.ExitCode == 0, install.Output);

        var help = await RunAsync(dir.Path, Path.Combine(tools, OperatingSystem.IsWindows() ? "bgraph.exe" : "bgraph"), "--help");
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("bench", help.Output, StringComparison.Ordinal);
        Assert.Contains("ingest", help.Output, StringComparison.Ordinal);
    }

    private static string? FindCliProject()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            var candidate = Path.Combine(at.FullName, "src", "BehaviorGraph.Cli", "BehaviorGraph.Cli.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, "dotnet", args);

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
