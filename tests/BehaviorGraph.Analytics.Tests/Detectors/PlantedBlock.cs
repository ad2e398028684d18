namespace BehaviorGraph.Analytics.Tests.Detectors;

/// <summary>A block to plant: its accounts, its targets, and when it starts (0: start of the organic activity, 1: its end).</summary>
internal sealed record PlantedBlock(int Accounts, int Targets, double Start);
