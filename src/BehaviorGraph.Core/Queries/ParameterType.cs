namespace BehaviorGraph.Core.Queries;

public enum ParameterType
{
    String,
    Integer,
}
