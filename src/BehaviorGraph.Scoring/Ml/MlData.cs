using Microsoft.ML;
using Microsoft.ML.Data;

namespace BehaviorGraph.Scoring.Ml;

/// <summary>Builds ML.NET data views straight over the snapshot's float arrays, with the feature vector's size set at run time.</summary>
internal static class MlData
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";
    public const string Probability = "Probability";
    public const string Contributions = "FeatureContributions";

    public static IDataView Training(MLContext ml, int featureCount, IEnumerable<TrainingRow> rows) =>
        ml.Data.LoadFromEnumerable(rows, TrainingSchema(featureCount));

    public static IDataView Scoring(MLContext ml, int featureCount, IEnumerable<float[]> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new ScoringInput { Features = r }), ScoringSchema(featureCount));

    public static SchemaDefinition ScoringSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringInput));
        schema[nameof(ScoringInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static SchemaDefinition OutputSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringOutput));
        schema[nameof(ScoringOutput.FeatureContributions)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static SchemaDefinition TrainingSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>Reads the calibrated probability of every row, in row order, into <paramref name="result"/>.</summary>
    public static void ReadProbabilities(IDataView scored, Span<float> result)
    {
        var column = scored.Schema[Probability];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        var i = 0;
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            result[i++] = value;
        }
    }
}
