using BehaviorGraph.Core.Queries;

namespace BehaviorGraph.Core.Reads;

/// <summary>
/// An optional store ability: the analysts' named read-only queries. The store fixes each query's text; callers choose
/// a query by name and give typed values, which are bound as parameters. Nothing a named query runs can write.
/// </summary>
public interface INamedQueries
{
    /// <summary>The queries this store answers, in the order they are listed.</summary>
    IReadOnlyList<NamedQuery> Queries { get; }

    /// <summary>Runs <paramref name="query"/> (one of <see cref="Queries"/>) with already checked values, read-only.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RunAsync(NamedQuery query, IReadOnlyDictionary<string, object> values, CancellationToken cancellationToken);
}
