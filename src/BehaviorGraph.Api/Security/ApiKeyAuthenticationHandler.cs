using BehaviorGraph.Core.Security;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BehaviorGraph.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the stored key hashes. The key itself is never logged or echoed;
/// 401 and 403 answers are ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var hash = RequestKey.HashOf(Context);
        if (hash is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await validator.FindActiveAsync(hash, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ApiPolicies.RoleClaim, ((int)key.Role).ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.Header}\"";
        var detail = RequestKey.HashOf(Context) is null
            ? $"Send an API key in the {ApiKeys.Header} header."
            : "The API key is unknown or revoked.";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint.");
}
