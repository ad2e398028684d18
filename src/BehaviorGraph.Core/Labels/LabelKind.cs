namespace BehaviorGraph.Core.Labels;

public enum LabelKind
{
    Benign = 0,
    Abusive = 1,
}
