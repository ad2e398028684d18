namespace BehaviorGraph.Api.Queries;

public enum ParameterType
{
    String,
    Integer,
}
