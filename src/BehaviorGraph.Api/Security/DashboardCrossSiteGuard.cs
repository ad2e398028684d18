using BehaviorGraph.Api.Hosting;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// Refuses state-changing requests to the Hangfire dashboard that a browser sends on behalf of another site. The
/// dashboard is reached through a proxy that adds the admin key, so the key proves nothing about who made the
/// request. Two checks, each enough on its own against a cross-site form or script: the request's <c>Origin</c>
/// (or, without one, its <c>Referer</c>) must name this host (or the host a proxy says it forwarded, in
/// <c>X-Forwarded-Host</c>, which a browser cannot set cross-site), and the dashboard itself then requires the
/// antiforgery token its pages carry, bound to a SameSite=Strict cookie. Requests naming no origin at all come from
/// non-browser clients and meet only the token check. Reads (GET, HEAD) are answered as usual.
/// </summary>
internal sealed class DashboardCrossSiteGuard(RequestDelegate next)
{
    public const string DashboardPath = "/hangfire";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(DashboardPath)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || IsSameSite(request))
        {
            return next(context);
        }

        return Problems.WriteAsync(
            context, StatusCodes.Status403Forbidden, "Cross-site request refused",
            "The dashboard accepts changes only from its own pages (the request's Origin or Referer names another site).");
    }

    /// <summary>True when the request names no other site in Origin (or, without one, Referer); shared with the console's guard.</summary>
    internal static bool IsSameSite(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        var claimed = origin.Count > 0 ? origin.ToString() : request.Headers.Referer.ToString();
        if (claimed.Length == 0)
        {
            return true;
        }

        if (origin.Count > 1 || !Uri.TryCreate(claimed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        return string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(uri.Host, ForwardedHost(request), StringComparison.OrdinalIgnoreCase);
    }

    private static string? ForwardedHost(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-Host"].ToString().Split(',')[0].Trim();
        return forwarded.Length > 0 && HostString.FromUriComponent(forwarded) is { HasValue: true } host ? host.Host : null;
    }
}
