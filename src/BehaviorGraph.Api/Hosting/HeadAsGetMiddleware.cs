namespace BehaviorGraph.Api.Hosting;

/// <summary>
/// Answers HEAD wherever GET is answered: the request is routed as a GET and Kestrel, which still knows it was a
/// HEAD, sends the status and headers without the body. The method reads HEAD again once the answer is made, so
/// metrics and logs see what was asked.
/// </summary>
internal sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    }
}
