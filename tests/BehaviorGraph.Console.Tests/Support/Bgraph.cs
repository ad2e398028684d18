using System.Diagnostics;
using System.Text;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>Runs the real <c>bgraph</c> built beside the tests (<c>dotnet bgraph.dll …</c>) as a child process.</summary>
internal static class Bgraph
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "bgraph.dll");

    /// <summary>The folder holding BehaviorGraph.sln; <c>serve</c> runs there, as the README says, to find jobs/schedules.json.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BehaviorGraph.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No BehaviorGraph.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("BEHAVIORGRAPH_STORE");
        return info;
    }

    /// <summary>Runs one command to its end and returns its standard output; a non-zero exit throws with both streams.</summary>
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                new StringBuilder($"bgraph {string.Join(' ', arguments)} exited with {process.ExitCode}:\n").Append(await output).Append(await error).ToString());
        }

        return await output;
    }
}
