namespace BehaviorGraph.Analytics.Algorithms.Common;

internal static class CommunityLabels
{
    /// <summary>Renumbers labels to 0..k-1 in order of first appearance by node id; returns k.</summary>
    public static int Compact(int[] labels)
    {
        var map = new Dictionary<int, int>();
        for (var u = 0; u < labels.Length; u++)
        {
            if (!map.TryGetValue(labels[u], out var id))
            {
                id = map.Count;
                map.Add(labels[u], id);
            }

            labels[u] = id;
        }

        return map.Count;
    }

    /// <summary>Same as <see cref="Compact(int[])"/> for labels known to lie in 0..bound-1, without hashing.</summary>
    public static int Compact(int[] labels, int bound)
    {
        var map = new int[bound];
        Array.Fill(map, -1);
        var next = 0;
        for (var u = 0; u < labels.Length; u++)
        {
            var l = labels[u];
            if (map[l] < 0)
            {
                map[l] = next++;
            }

            labels[u] = map[l];
        }

        return next;
    }
}
