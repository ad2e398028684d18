using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Api.Security;

/// <summary>The hash of the request's API key, computed once per request and shared by rate limiting and authentication.</summary>
internal static class RequestKey
{
    private static readonly object ItemKey = new();

    public static string? HashOf(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (string?)cached;
        }

        var header = context.Request.Headers[ApiKeys.Header];
        var hash = header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]) ? ApiKeys.Hash(header[0]!.Trim()) : null;
        context.Items[ItemKey] = hash;
        return hash;
    }

    /// <summary>Records the key hash of a request authenticated without the header (the console's session), so it is limited as that key.</summary>
    public static void Remember(HttpContext context, string hash) => context.Items[ItemKey] = hash;
}
