using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>How the key commands name roles and identify keys.</summary>
internal static class KeyRoles
{
    /// <summary>Leading hex characters of a key's SHA-256 shown by <c>keys list</c> and accepted by <c>keys revoke</c>.</summary>
    public const int HashPrefixLength = 12;

    public static string NameOf(ApiRole role) => role.ToString().ToLowerInvariant();

    public static ApiRole? Parse(string role) => role.Trim().ToLowerInvariant() switch
    {
        "enforcement" => ApiRole.Enforcement,
        "analyst" => ApiRole.Analyst,
        "admin" => ApiRole.Admin,
        _ => null,
    };
}
