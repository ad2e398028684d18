using System.Collections.Concurrent;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Ml;
using Microsoft.ML;

namespace BehaviorGraph.Scoring.Scoring;

/// <summary>
/// Scores one account at a time from any number of threads. A prediction engine is not thread-safe, so each call
/// rents one from a pool (creating it when the pool is empty) and returns it afterwards; none is ever shared.
/// </summary>
public sealed class OnlineScorer : IDisposable
{
    private readonly ScoringModel _model;
    private readonly ScoringOptions _options;
    private readonly Func<PredictionEngine<ScoringInput, ScoringOutput>> _create;
    private readonly ConcurrentBag<PredictionEngine<ScoringInput, ScoringOutput>> _pool = [];
    private readonly ReasonExplainer _explainer;
    private readonly int _maxPooled;
    private bool _disposed;

    internal OnlineScorer(ScoringModel model, ScoringOptions options, Func<PredictionEngine<ScoringInput, ScoringOutput>> create)
    {
        _model = model;
        _options = options;
        _create = create;
        _explainer = new ReasonExplainer(model.FeatureNames, options.EffectiveCatalog, options.ReasonCount);
        _maxPooled = Math.Max(2, Environment.ProcessorCount * 2);
    }

    /// <summary>Engines created so far and waiting in the pool (for diagnostics).</summary>
    public int Pooled => _pool.Count;

    /// <param name="features">The account's values, in the model's feature order.</param>
    public AccountScore Score(string account, float[] features, long runId, DateTimeOffset scoredAt)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != _model.FeatureNames.Count)
        {
            throw new ModelMismatchException(
                $"Model {_model.Info.Version} takes {_model.FeatureNames.Count} features; account '{account}' has {features.Length}.");
        }

        var engine = _pool.TryTake(out var pooled) ? pooled : _create();
        try
        {
            var output = engine.Predict(new ScoringInput { Features = features });
            var thresholds = _options.EffectiveThresholds;
            return new AccountScore(
                account,
                output.Probability,
                thresholds.Decide(output.Probability),
                _explainer.Explain(features, output.FeatureContributions),
                _model.Info.Version,
                runId,
                scoredAt);
        }
        finally
        {
            if (_pool.Count < _maxPooled && !_disposed)
            {
                _pool.Add(engine);
            }
            else
            {
                engine.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }
}
