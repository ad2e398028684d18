namespace BehaviorGraph.Analytics.Projection;

/// <summary>Which number of an aggregated edge becomes its weight in the projection.</summary>
public enum EdgeWeighting
{
    /// <summary>Every edge weighs 1 (merged parallel edges sum to the number of edge types).</summary>
    One = 0,

    /// <summary>The number of events aggregated into the edge.</summary>
    Count = 1,

    /// <summary>The sum of the events' values (ratings).</summary>
    ValueSum = 2,
}
