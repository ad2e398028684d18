using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// Authenticates the console's session cookie: the session must be live and its API key still active with the analyst
/// role or above (a revoked key ends its sessions within the key table's refresh, usually 2 s). The identity carries
/// the key's name and role like an <c>X-Api-Key</c> request, so every endpoint, its role check and a label's author
/// work the same; the key's own rate-limit bucket is used.
/// </summary>
internal sealed class ConsoleSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ConsoleSessions sessions, ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ConsoleSession";
    public const string CookieName = "bgraph_session";

    /// <summary>The scheme the service authenticates with: the API key when the request sends one, else the console cookie when it sends one.</summary>
    public const string SelectingSchemeName = "BehaviorGraph";

    public static string Select(HttpContext context) =>
        !context.Request.Headers.ContainsKey(ApiKeys.Header) && context.Request.Cookies.ContainsKey(CookieName)
            ? SchemeName
            : ApiKeyAuthenticationHandler.SchemeName;

    /// <summary>True when the request was authenticated by a console session (so its state changes need the antiforgery token).</summary>
    public static bool IsSession(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: SchemeName };

    public static ClaimsPrincipal Principal(ApiKeyInfo key, ConsoleSession session) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ApiPolicies.RoleClaim, ((int)key.Role).ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Expiration, session.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
        ],
        SchemeName));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var session = sessions.Find(token);
        if (session is null)
        {
            return AuthenticateResult.Fail("The console session has ended.");
        }

        var key = await validator.FindActiveAsync(session.KeyHash, Context.RequestAborted);
        if (key is null || key.Role < ApiRole.Analyst)
        {
            sessions.End(token);
            return AuthenticateResult.Fail("The console session's API key was revoked.");
        }

        RequestKey.Remember(Context, session.KeyHash);
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(key, session), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(
            Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "The console session has ended (signed out, expired, idle for too long, or its API key was revoked); sign in again.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint.");
}
