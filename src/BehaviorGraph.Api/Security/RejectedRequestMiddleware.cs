namespace BehaviorGraph.Api.Security;

/// <summary>Hands every refused request (401, 403, 429) to the <see cref="RejectedRequestLog"/>.</summary>
internal sealed class RejectedRequestMiddleware(RequestDelegate next, RejectedRequestLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (RejectedRequestLog.IsRefusal(context.Response.StatusCode))
            {
                log.Record(context.Response.StatusCode, ClientAddress.Of(context));
            }
        }
    }
}
