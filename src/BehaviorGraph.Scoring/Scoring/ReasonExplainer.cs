using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Reasons;
using Microsoft.ML.Data;

namespace BehaviorGraph.Scoring.Scoring;

/// <summary>Turns one account's feature contributions into its top risk-raising reasons (positive contributions only, largest first).</summary>
internal sealed class ReasonExplainer(IReadOnlyList<string> featureNames, ReasonCatalog catalog, int count)
{
    public IReadOnlyList<ReasonCode> Explain(float[] values, VBuffer<float> contributions)
    {
        if (count <= 0)
        {
            return [];
        }

        Span<int> topIndex = stackalloc int[count];
        Span<float> topValue = stackalloc float[count];
        var found = 0;
        var items = contributions.GetValues();
        var indices = contributions.IsDense ? default : contributions.GetIndices();
        for (var n = 0; n < items.Length; n++)
        {
            var contribution = items[n];
            if (!(contribution > 0))
            {
                continue;
            }

            var feature = contributions.IsDense ? n : indices[n];
            // Insertion into a short sorted list: count is a handful.
            var position = found < count ? found : count;
            while (position > 0 && (topValue[position - 1] < contribution || (topValue[position - 1] == contribution && topIndex[position - 1] > feature)))
            {
                position--;
            }

            if (position >= count)
            {
                continue;
            }

            var last = Math.Min(found, count - 1);
            for (var m = last; m > position; m--)
            {
                topIndex[m] = topIndex[m - 1];
                topValue[m] = topValue[m - 1];
            }

            topIndex[position] = feature;
            topValue[position] = contribution;
            found = Math.Min(found + 1, count);
        }

        var reasons = new ReasonCode[found];
        for (var r = 0; r < found; r++)
        {
            var feature = topIndex[r];
            reasons[r] = catalog.Reason(featureNames[feature], values[feature], topValue[r]);
        }

        return reasons;
    }

    public IReadOnlyList<ReasonCode> Explain(float[] values, float[] contributions) =>
        Explain(values, new VBuffer<float>(contributions.Length, contributions));
}
