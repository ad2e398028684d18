using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// What changed since the previous complete run, for a detector that re-examines only that: the events it has not
/// seen (the suffix of <see cref="Projection.PlatformData.Events"/> from <see cref="FirstNewEvent"/>), the accounts
/// and event targets they touch, the clusters the previous run published and the state each detector left for the
/// next run. A detector with no previous state (<see cref="StateOf"/> null) runs as in a full run.
/// </summary>
internal sealed class IncrementalScope(
    long previousRunId,
    int firstNewEvent,
    bool[] touchedAccounts,
    bool[] touchedTargets,
    IReadOnlyList<DetectedCluster> previousClusters,
    IReadOnlyDictionary<string, byte[]> previousStates)
{
    /// <summary>The run this one continues.</summary>
    public long PreviousRunId { get; } = previousRunId;

    /// <summary>Index of the first event the previous run did not see; every event from here on is new.</summary>
    public int FirstNewEvent { get; } = firstNewEvent;

    /// <summary>
    /// Per account: an actor or account target of a new event, or an account sharing a device or IP with a new
    /// event's identifiers (unless the identifier is shared more widely than 99% of the platform's). Accounts that joined
    /// since the previous run are touched whenever they acted.
    /// </summary>
    public bool[] TouchedAccounts { get; } = touchedAccounts;

    /// <summary>Per encoded event target (<see cref="Projection.PlatformData.EncodeTarget"/>): the target of a new event.</summary>
    public bool[] TouchedTargets { get; } = touchedTargets;

    public int TouchedAccountCount { get; } = touchedAccounts.Count(t => t);

    /// <summary>The clusters the previous run published, every kind.</summary>
    public IReadOnlyList<DetectedCluster> PreviousClusters { get; } = previousClusters;

    /// <summary>The state the named detector left at the end of the previous run, or null when it left none.</summary>
    public byte[]? StateOf(string detector) => previousStates.TryGetValue(detector, out var state) ? state : null;

    /// <summary>
    /// The scope of the events of <paramref name="data"/> from <paramref name="firstNewEvent"/> on: their actors, their
    /// targets, and the accounts using the devices and IPs they came from (null: none known).
    /// </summary>
    public static IncrementalScope Create(
        PlatformData data,
        int firstNewEvent,
        bool[]? touchedDevices,
        bool[]? touchedIps,
        long previousRunId,
        IReadOnlyList<DetectedCluster> previousClusters,
        IReadOnlyDictionary<string, byte[]> previousStates)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(firstNewEvent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstNewEvent, data.Events.Count);
        var accounts = new bool[data.AccountCount];
        var targets = new bool[data.ContentCount + data.AccountCount];
        var events = data.Events;
        for (var e = firstNewEvent; e < events.Count; e++)
        {
            accounts[events.Actor[e]] = true;
            if (events.Target[e] is var target and >= 0)
            {
                targets[target] = true;
                if (data.TargetAccount(target) is var account and >= 0)
                {
                    accounts[account] = true;
                }
            }
        }

        MarkUsers(data.DeviceEdges, touchedDevices, accounts);
        MarkUsers(data.IpEdges, touchedIps, accounts);
        return new IncrementalScope(previousRunId, firstNewEvent, accounts, targets, previousClusters, previousStates);
    }

    /// <summary>
    /// Marks the users of the touched identifiers, skipping identifiers shared more widely than 99% of the platform's
    /// (carrier NAT, public Wi-Fi): those link strangers, and would make every new login touch thousands of accounts.
    /// </summary>
    private static void MarkUsers(EdgeColumns identifierEdges, bool[]? touchedIdentifiers, bool[] accounts)
    {
        if (touchedIdentifiers is null || identifierEdges.Length == 0)
        {
            return;
        }

        var users = new int[touchedIdentifiers.Length];
        foreach (var identifier in identifierEdges.Target)
        {
            if (identifier < users.Length)
            {
                users[identifier]++;
            }
        }

        var used = users.Where(u => u > 0).Order().ToArray();
        var widest = used.Length == 0 ? 0 : used[(int)Math.Min(used.Length - 1, Math.Ceiling(0.99 * used.Length) - 1)];
        for (var k = 0; k < identifierEdges.Length; k++)
        {
            var identifier = identifierEdges.Target[k];
            if (identifier < touchedIdentifiers.Length && touchedIdentifiers[identifier] && users[identifier] <= widest)
            {
                accounts[identifierEdges.Source[k]] = true;
            }
        }
    }
}
