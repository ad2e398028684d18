using System.Diagnostics;
using Hangfire;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>What the job storage knows of the server running a job: whether it still runs, and when it last reported.</summary>
internal static class JobServers
{
    /// <summary>Hangfire servers report every 30 s; one silent for longer than this has stopped.</summary>
    private static readonly TimeSpan Silent = TimeSpan.FromMinutes(1);

    public static string DescribeProcessingOn(JobStorage storage, string serverId, DateTimeOffset now)
    {
        var server = storage.GetMonitoringApi().Servers().FirstOrDefault(s => string.Equals(s.Name, serverId, StringComparison.Ordinal));
        var silentFor = server?.Heartbeat is { } beat ? now - new DateTimeOffset(DateTime.SpecifyKind(beat, DateTimeKind.Utc)) : (TimeSpan?)null;
        var stopped = server is null ? "it no longer reports"
            : ProcessIsGone(serverId) ? "its process on this machine is gone"
            : silentFor > Silent ? $"it has not reported for {silentFor.Value.TotalMinutes:F0} min"
            : null;
        return stopped is null
            ? $"Running on server {serverId} (last report {Math.Max(0, silentFor?.TotalSeconds ?? 0):F0} s ago)."
            : $"Server {serverId} stopped while running this job ({stopped}). Nothing it left half-done is visible to readers; " +
              "Hangfire runs the job again once its queue entry times out (30 min by default), or trigger the job again now.";
    }

    /// <summary>
    /// Server ids are <c>machine:pid:guid</c> (job servers here are named machine:pid), so on this machine a pid that
    /// no longer runs means the server is gone; elsewhere only its silence tells.
    /// </summary>
    private static bool ProcessIsGone(string serverId)
    {
        var parts = serverId.Split(':');
        if (parts.Length < 3 || !parts[0].Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
