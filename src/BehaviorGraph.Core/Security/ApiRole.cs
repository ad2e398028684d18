namespace BehaviorGraph.Core.Security;

/// <summary>API roles, each including everything the roles below it may do. The numeric values are stored.</summary>
public enum ApiRole
{
    Enforcement = 1,
    Analyst = 2,
    Admin = 3,
}
