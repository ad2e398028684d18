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

    /// <summary>Scores every account of the snapshot with one batch transform; decisions from the thresholds, reasons from feature contributions.</summary>
    public ScoringBatchResult ScoreAll(FeatureSnapshot snapshot, ScoringOptions options, long runId, DateTimeOffset scoredAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        EnsureCompatible(snapshot.FeatureNames);
        var thresholds = options.EffectiveThresholds;
        thresholds.Validate();
        var explainer = new ReasonExplainer(FeatureNames, options.EffectiveCatalog, options.ReasonCount);

        var stopwatch = Stopwatch.StartNew();
        var rows = snapshot.Rows;
        var view = MlData.Scoring(_ml, FeatureNames.Count, rows.Select(r => r.Values));
        var scored = _pipeline.Transform(view);
        var probabilityColumn = scored.Schema[MlData.Probability];
        var contributionColumn = scored.Schema[MlData.Contributions];
        using var cursor = scored.GetRowCursor([probabilityColumn, contributionColumn]);
        var probabilityGetter = cursor.GetGetter<float>(probabilityColumn);
        var contributionGetter = cursor.GetGetter<VBuffer<float>>(contributionColumn);
        float probability = 0;
        var contributions = default(VBuffer<float>);
        var results = new AccountScore[rows.Count];
        var i = 0;
        while (cursor.MoveNext())
        {
            probabilityGetter(ref probability);
            contributionGetter(ref contributions);
            var row = rows[i];
            results[i] = new AccountScore(
                row.Account,
                probability,
                thresholds.Decide(probability),
                explainer.Explain(row.Values, contributions),
                Info.Version,
                runId,
                scoredAt);
            i++;
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
        var view = MlData.Scoring(_ml, FeatureNames.Count, rows);
        return MlData.ReadProbabilities(_predictor.Transform(view), rows.Count);
    }
}
