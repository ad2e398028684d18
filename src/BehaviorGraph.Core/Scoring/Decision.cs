namespace BehaviorGraph.Core.Scoring;

public enum Decision
{
    Allow = 0,
    Review = 1,
    Block = 2,
}
