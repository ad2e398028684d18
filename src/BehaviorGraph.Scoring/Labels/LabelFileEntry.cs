using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Labels;

public sealed record LabelFileEntry(string Account, LabelKind Label, int Line);
