using Microsoft.AspNetCore.Mvc;

namespace BehaviorGraph.Api.Hosting;

/// <summary>Writes RFC 9457 problem details from places that are not endpoints (authentication, rate limiting).</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }
}
