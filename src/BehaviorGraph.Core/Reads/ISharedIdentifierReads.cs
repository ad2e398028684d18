namespace BehaviorGraph.Core.Reads;

/// <summary>An optional store ability: accounts that share a device or an IP with an account.</summary>
public interface ISharedIdentifierReads
{
    /// <summary>
    /// Every other account that acted from an identifier of <paramref name="kind"/> the account acted from, with the
    /// identifier and the other account's events on it, ordered by account and identifier, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<SharedIdentifier>> GetAccountsSharingAsync(string account, IdentifierKind kind, int limit, CancellationToken cancellationToken);
}
