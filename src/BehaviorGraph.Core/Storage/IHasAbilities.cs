namespace BehaviorGraph.Core.Storage;

/// <summary>
/// A store that may offer optional abilities beyond its contract (Hangfire's <c>JobStorage.HasFeature</c>): each
/// ability is an interface of its own (<see cref="Reads.IAccountGraphReads"/>, <see cref="Reads.INamedQueries"/>, …),
/// so a backend that cannot answer one simply does not offer it, and callers ask instead of catching
/// <see cref="NotSupportedException"/>.
/// </summary>
public interface IHasAbilities
{
    /// <summary>The ability, or null when this store does not offer it.</summary>
    TAbility? GetAbility<TAbility>()
        where TAbility : class;
}
