using System.Security.Cryptography;
using System.Text;
using BehaviorGraph.Analytics.Pipeline.State;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Hosting;

/// <summary>
/// Where analysis runs of a store keep their state for the next run: beside a SQLite file
/// (<c>PATH.analysis-state</c>); for PostgreSQL, in the analysing host's local data folder under a name derived from
/// the connection (never its password), since the state is a cache of that host's runs.
/// </summary>
public static class AnalysisStateLocation
{
    public const string Suffix = ".analysis-state";

    public static AnalysisStateFile For(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Backend switch
        {
            StoreBackend.Sqlite => new AnalysisStateFile(Path.GetFullPath(location.Target) + Suffix),
            _ => new AnalysisStateFile(Path.Combine(LocalData(), "behaviorgraph", "postgres-" + Hash(location.ToString()) + Suffix)),
        };
    }

    private static string LocalData()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(folder) ? Path.GetTempPath() : folder;
    }

    private static string Hash(string redactedLocation) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(redactedLocation)))[..16].ToLowerInvariant();
}
