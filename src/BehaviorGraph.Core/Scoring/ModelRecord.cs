namespace BehaviorGraph.Core.Scoring;

/// <summary>A registered model with its serialized ML.NET bytes.</summary>
public sealed record ModelRecord(ModelInfo Info, byte[] ModelBytes);
