namespace BehaviorGraph.Api.Hosting;

internal static class RequestBodyDocumentationExtensions
{
    /// <summary>Documents a JSON body of <typeparamref name="T"/> that the endpoint reads with <see cref="JsonBody"/>.</summary>
    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder builder, string description, bool required = true) =>
        builder.DocumentsBody(description, required, ("application/json", typeof(T)));

    public static RouteHandlerBuilder DocumentsBody(this RouteHandlerBuilder builder, string description, bool required, params (string MediaType, Type Schema)[] content) =>
        builder.WithMetadata(new RequestBodyDocumentation(description, required, content));
}
