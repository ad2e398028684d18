namespace BehaviorGraph.Core.Storage;

public static class StoreAbilities
{
    /// <summary>Whether <paramref name="store"/> offers <typeparamref name="TAbility"/>.</summary>
    public static bool Has<TAbility>(this IHasAbilities store)
        where TAbility : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetAbility<TAbility>() is not null;
    }

    /// <summary>The ability; throws <see cref="NotSupportedException"/> naming it when the store does not offer it.</summary>
    public static TAbility Require<TAbility>(this IHasAbilities store)
        where TAbility : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetAbility<TAbility>()
            ?? throw new NotSupportedException($"The store {store} does not offer {typeof(TAbility).Name}.");
    }
}
