using System.Text.Json;
using BehaviorGraph.Api.AnalystConsole.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// The analyst console: its pages (every one answers with the same shell, which draws the page its URL names, so a URL
/// can be shared), its files under <c>/console/</c>, and its session (<c>GET</c> who is signed in and the antiforgery
/// token, <c>POST</c> sign in with an analyst or admin key, <c>DELETE</c> sign out). The data comes from the
/// <c>/v1</c> API, which accepts the session cookie beside the <c>X-Api-Key</c> header.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The URLs of the console's pages; each serves the shell.</summary>
    public static readonly IReadOnlyList<string> Pages = ["/", "/queue", "/clusters", "/clusters/{id}", "/accounts/{id}", "/queries", "/queries/{name}"];

    public const string SessionPath = "/console/session";

    private const int MaxKeyLength = 256;

    public static IEndpointRouteBuilder MapAnalystConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var page in Pages)
        {
            // The shell and files are the same for everyone and hold no data; they are open, and not rate-limited so a
            // page load (a dozen files, mostly 304s) never meets the budget of callers without a key.
            endpoints.MapGet(page, ServeShell).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        }

        endpoints.MapGet("/console/{**path}", ServeFile).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        endpoints.MapGet(SessionPath, GetSession).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(SessionPath, SignIn).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapDelete(SessionPath, SignOut).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapConsoleApi();
        return endpoints;
    }

    internal static Task ServeShell(HttpContext context, ConsoleAssets assets) => WriteAsync(context, assets.Find("index.html")!);

    internal static Task ServeFile(string path, HttpContext context, ConsoleAssets assets) =>
        assets.Find(path) is { } asset && path != "index.html"
            ? WriteAsync(context, asset)
            : Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", "The console has no such file.");

    internal static SessionInfo GetSession(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        if (!ConsoleSessionHandler.IsSession(context))
        {
            return new SessionInfo(false, null, null, null, tokens.RequestToken!);
        }

        var user = context.User;
        var role = (ApiRole)int.Parse(user.FindFirst(ApiPolicies.RoleClaim)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(user.FindFirst(System.Security.Claims.ClaimTypes.Expiration)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new SessionInfo(true, user.Identity!.Name, role.ToString().ToLowerInvariant(), expires, tokens.RequestToken!);
    }

    internal static async Task<Results<Ok<SessionInfo>, ProblemHttpResult, ValidationProblem>> SignIn(
        HttpContext context, IAntiforgery antiforgery, ApiKeyValidator validator, ConsoleSessions sessions, CancellationToken cancellationToken)
    {
        // A session-authenticated request was checked by ConsoleRequestGuard; a signed-out one is checked here, so no
        // other site can sign a browser in with a key of its choosing.
        if (!ConsoleSessionHandler.IsSession(context))
        {
            if (!DashboardCrossSiteGuard.IsSameSite(context.Request))
            {
                return TypedResults.Problem(
                    "Sign-in is accepted only from the console's own page.", statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused");
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.Problem(
                    "The sign-in form's token is missing or stale; reload the page and sign in again.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or stale");
            }
        }

        using var body = await JsonBody.ReadAsync(context.Request, required: true, cancellationToken);
        if (body.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var key = body.Document!.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("key", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["Paste an analyst or admin API key (from `bgraph keys create --role analyst`)."] });
        }

        var hash = ApiKeys.Hash(key);
        var found = await validator.FindActiveAsync(hash, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(
                "This key is unknown or revoked. Check that it was copied whole, or make a new one with `bgraph keys create --role analyst`.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unknown key");
        }

        if (found.Role < ApiRole.Analyst)
        {
            return TypedResults.Problem(
                $"This is an {found.Role.ToString().ToLowerInvariant()} key; the console needs an analyst or admin key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Wrong role");
        }

        if (context.Request.Cookies.TryGetValue(ConsoleSessionHandler.CookieName, out var previous))
        {
            sessions.End(previous);
        }

        var (token, session) = sessions.Start(hash);
        context.Response.Cookies.Append(ConsoleSessionHandler.CookieName, token, CookieOptions(context, session.ExpiresAt));
        // The new session's pages must send a token bound to the signed-in key, not to the anonymous form.
        context.User = ConsoleSessionHandler.Principal(found, session);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SessionInfo(true, found.Name, found.Role.ToString().ToLowerInvariant(), session.ExpiresAt, tokens.RequestToken!));
    }

    internal static NoContent SignOut(HttpContext context, ConsoleSessions sessions)
    {
        if (context.Request.Cookies.TryGetValue(ConsoleSessionHandler.CookieName, out var token))
        {
            sessions.End(token);
        }

        context.Response.Cookies.Delete(ConsoleSessionHandler.CookieName, CookieOptions(context, null));
        return TypedResults.NoContent();
    }

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expires,
        MaxAge = expires is { } at ? at - DateTimeOffset.UtcNow : null,
        IsEssential = true,
    };

    private static async Task WriteAsync(HttpContext context, ConsoleAsset asset)
    {
        var response = context.Response;
        ConsoleHeaders.Apply(response, asset);
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == asset.ETag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var content = asset.Content;
        if (asset.Compressible)
        {
            var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
            if (Accepts(accepted, "br"))
            {
                content = asset.Brotli;
                response.Headers.ContentEncoding = "br";
            }
            else if (Accepts(accepted, "gzip"))
            {
                content = asset.Gzip;
                response.Headers.ContentEncoding = "gzip";
            }
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding) =>
        accepted.Any(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0);
}
