using System.Diagnostics;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Ml;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BehaviorGraph.Scoring.Scoring;

/// <summary>
/// A registered model loaded for scoring: batch scoring of whole snapshots through ML.NET's data views, and pooled
/// prediction engines for one-account lookups. Immutable and safe to share between threads.
/// </summary>
public sealed class ScoringModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _pipeline;
    private readonly ITransformer _predictor;

    private ScoringModel(ModelInfo info, MLContext ml, ITransformer pipeline, ITransformer predictor)
    {
        Info = info;
        _ml = ml;
        _pipeline = pipeline;
        _predictor = predictor;
    }

    private const int MinimumRowsPerPartition = 20_000;

    public ModelInfo Info { get; }

    public IReadOnlyList<string> FeatureNames => Info.FeatureNames;

    public static ScoringModel Load(ModelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ml = new MLContext(seed: 0);
        using var stream = new MemoryStream(record.ModelBytes, writable: false);
        var pipeline = ml.Model.Load(stream, out _);
        var predictor = pipeline is TransformerChain<ITransformer> chain ? chain.First() : pipeline;
        return new ScoringModel(record.Info, ml, pipeline, predictor);
    }

    /// <summary>Throws <see cref="ModelMismatchException"/> unless the snapshot has exactly the model's features in the model's order.</summary>
    public void EnsureCompatible(IReadOnlyList<string> featureNames)
    {
        if (featureNames.SequenceEqual(FeatureNames, StringComparer.Ordinal))
        {
            return;
        }

        var missing = FeatureNames.Except(featureNames, StringComparer.Ordinal).ToList();
        var extra = featureNames.Except(FeatureNames, StringComparer.Ordinal).ToList();
        var detail = missing.Count == 0 && extra.Count == 0
            ? "the same features in a different order"
            : $"missing: [{string.Join(", ", missing)}]; not in the model: [{string.Join(", ", extra)}]";
        throw new ModelMismatchException(
            $"Model {Info.Version} was trained on {FeatureNames.Count} features and the snapshot has {featureNames.Count} ({detail}). " +
            "Train a model on the current features (bgraph train) before scoring.");
    }

    /// <summary>
    /// Scores every account of the snapshot with batch transforms (one per core, over contiguous slices of the rows);
    /// decisions from the thresholds; reasons from feature contributions for the accounts scored at or above
    /// <see cref="ScoringOptions.EffectiveExplainFrom"/>.
    /// </summary>
    public ScoringBatchResult ScoreAll(FeatureSnapshot snapshot, ScoringOptions options, long runId, DateTimeOffset scoredAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        EnsureCompatible(snapshot.FeatureNames);
        var thresholds = options.EffectiveThresholds;
        thresholds.Validate();
        var explainer = new ReasonExplainer(FeatureNames, options.EffectiveCatalog, options.ReasonCount);
        var explainFrom = options.EffectiveExplainFrom;

        var stopwatch = Stopwatch.StartNew();
        var rows = snapshot.Rows;
        var probabilities = new float[rows.Count];
        var partitions = Math.Clamp(rows.Count / MinimumRowsPerPartition, 1, Math.Min(Environment.ProcessorCount, 8));
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
        {
            var (from, to) = Slice(rows.Count, partitions, p);
            var view = MlData.Scoring(_ml, FeatureNames.Count, Range(rows, from, to));
            MlData.ReadProbabilities(_predictor.Transform(view), probabilities.AsSpan(from, to - from));
        });

        var reasons = new IReadOnlyList<ReasonCode>?[rows.Count];
        var explain = Enumerable.Range(0, rows.Count).Where(i => probabilities[i] >= explainFrom).ToArray();
        if (explain.Length > 0 && options.ReasonCount > 0)
        {
            var explainPartitions = Math.Clamp(explain.Length / MinimumRowsPerPartition, 1, Math.Min(Environment.ProcessorCount, 8));
            Parallel.For(0, explainPartitions, new ParallelOptions { MaxDegreeOfParallelism = explainPartitions }, p =>
            {
                var (from, to) = Slice(explain.Length, explainPartitions, p);
                var view = MlData.Scoring(_ml, FeatureNames.Count, explain[from..to].Select(i => rows[i].Values));
                var scored = _pipeline.Transform(view);
                var column = scored.Schema[MlData.Contributions];
                using var cursor = scored.GetRowCursor([column]);
                var getter = cursor.GetGetter<VBuffer<float>>(column);
                var contributions = default(VBuffer<float>);
                var k = from;
                while (cursor.MoveNext())
                {
                    getter(ref contributions);
                    var index = explain[k++];
                    reasons[index] = explainer.Explain(rows[index].Values, contributions);
                }
            });
        }

        var results = new AccountScore[rows.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new AccountScore(
                rows[i].Account, probabilities[i], thresholds.Decide(probabilities[i]), reasons[i] ?? [], Info.Version, runId, scoredAt);
        }

        stopwatch.Stop();
        return new ScoringBatchResult(results, stopwatch.Elapsed);
    }

    /// <summary>A thread-safe scorer for single accounts (the API's lookups), backed by a pool of prediction engines.</summary>
    public OnlineScorer CreateOnlineScorer(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EffectiveThresholds.Validate();
        return new OnlineScorer(
            this,
            options,
            () => _ml.Model.CreatePredictionEngine<ScoringInput, ScoringOutput>(
                _pipeline, ignoreMissingColumns: true, MlData.ScoringSchema(FeatureNames.Count), MlData.OutputSchema(FeatureNames.Count)));
    }

    /// <summary>Probabilities only (no contributions), in row order.</summary>
    internal float[] Probabilities(IReadOnlyList<float[]> rows)
    {
        var result = new float[rows.Count];
        var view = MlData.Scoring(_ml, FeatureNames.Count, rows);
        MlData.ReadProbabilities(_predictor.Transform(view), result);
        return result;
    }

    private static (int From, int To) Slice(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    private static IEnumerable<float[]> Range(IReadOnlyList<AccountFeatureRow> rows, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            yield return rows[i].Values;
        }
    }
}
