using System.Globalization;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// Counts refused requests (401, 403, 429) by status and client address and writes them as one warning per
/// interval, so a flood costs one line every few seconds instead of lines per request. At most
/// <see cref="MaxAddresses"/> addresses are kept per interval; the rest are counted as "others".
/// </summary>
internal sealed class RejectedRequestLog(ILogger<RejectedRequestLog> logger, TimeProvider clock)
{
    private const int MaxAddresses = 1000;
    private const int AddressesShown = 3;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, long> _byStatus = [];
    private Dictionary<string, long> _byAddress = new(StringComparer.Ordinal);
    private long _others;
    private DateTimeOffset _since = clock.GetUtcNow();

    public static bool IsRefusal(int status) =>
        status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests;

    public void Record(int status, string address)
    {
        lock (_gate)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
            if (_byAddress.TryGetValue(address, out var count) || _byAddress.Count < MaxAddresses)
            {
                _byAddress[address] = count + 1;
            }
            else
            {
                _others++;
            }
        }
    }

    /// <summary>Writes what was counted since the last flush (nothing when nothing was refused) and starts a new interval.</summary>
    public void Flush()
    {
        string statuses;
        string addresses;
        long total;
        double seconds;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            seconds = (now - _since).TotalSeconds;
            _since = now;
            total = _byStatus.Values.Sum();
            if (total == 0)
            {
                return;
            }

            statuses = string.Join(", ", _byStatus.Select(s => $"{s.Key} × {s.Value}"));
            var shown = _byAddress.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(AddressesShown).ToList();
            addresses = string.Join(", ", shown.Select(a => $"{a.Key} ({a.Value})"));
            if (_byAddress.Count > shown.Count)
            {
                addresses += $" and {_byAddress.Count - shown.Count} other address(es)";
            }

            if (_others > 0)
            {
                addresses += $", plus {_others} request(s) from addresses past the first {MaxAddresses}";
            }

            _byStatus.Clear();
            _byAddress = new Dictionary<string, long>(StringComparer.Ordinal);
            _others = 0;
        }

        logger.LogWarning(
            "Refused {Total} request(s) in the last {Seconds} s: {Statuses}; most from {Addresses}",
            total, seconds.ToString("0.0", CultureInfo.InvariantCulture), statuses, addresses);
    }
}
