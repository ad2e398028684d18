using System.Collections;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Tests;

/// <summary>
/// Scores handed to a store's publish that run <paramref name="callback"/> once, when the store reads the item at
/// <paramref name="at"/> — that is, in the middle of the publishing transaction.
/// </summary>
internal sealed class ObservingScores(IReadOnlyList<AccountScore> items, int at, Action callback) : IReadOnlyList<AccountScore>
{
    public bool Fired { get; private set; }

    public int Count => items.Count;

    public AccountScore this[int index]
    {
        get
        {
            if (index == at && !Fired)
            {
                Fired = true;
                callback();
            }

            return items[index];
        }
    }

    public IEnumerator<AccountScore> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
