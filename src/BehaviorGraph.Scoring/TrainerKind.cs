namespace BehaviorGraph.Scoring;

public enum TrainerKind
{
    /// <summary>ML.NET's managed gradient-boosted trees (the default).</summary>
    FastTree = 0,

    /// <summary>LightGBM through ML.NET (native library).</summary>
    LightGbm = 1,
}
