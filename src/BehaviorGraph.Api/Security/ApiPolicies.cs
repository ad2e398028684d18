using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Api.Security;

/// <summary>Authorization policy names, one per role; each admits its role and every role above it.</summary>
internal static class ApiPolicies
{
    public const string Enforcement = "enforcement";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    public const string RoleClaim = "bgraph:role";

    public static ApiRole RoleOf(string policy) => policy switch
    {
        Enforcement => ApiRole.Enforcement,
        Analyst => ApiRole.Analyst,
        _ => ApiRole.Admin,
    };
}
