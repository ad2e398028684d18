using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// A browser sends the session cookie with every request to this host, whoever's page asks for it, so a request the
/// cookie authenticates may change state (POST, PUT, PATCH, DELETE) only if it names no other site in <c>Origin</c> /
/// <c>Referer</c> and carries the antiforgery token the console's own pages get from <c>GET /console/session</c>
/// (header <c>RequestVerificationToken</c>, bound to its SameSite=Strict cookie and to the signed-in key). Requests
/// with an <c>X-Api-Key</c> header are API clients and pass as before.
/// </summary>
internal sealed class ConsoleRequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var method = context.Request.Method;
        if (!ConsoleSessionHandler.IsSession(context)
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            await next(context);
            return;
        }

        if (!DashboardCrossSiteGuard.IsSameSite(context.Request))
        {
            await Problems.WriteAsync(
                context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                "The console accepts changes only from its own pages (the request's Origin or Referer names another site).");
            return;
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            await Problems.WriteAsync(
                context, StatusCodes.Status403Forbidden, "Antiforgery token missing or stale",
                "A change made with the console's session must carry the token of its own page (RequestVerificationToken header); reload the page and try again.");
            return;
        }

        await next(context);
    }
}
