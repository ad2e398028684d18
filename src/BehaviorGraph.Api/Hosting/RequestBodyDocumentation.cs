namespace BehaviorGraph.Api.Hosting;

/// <summary>
/// Endpoint metadata naming the body an endpoint reads itself (see <see cref="JsonBody"/>), for the OpenAPI
/// document: declaring it to the framework instead would make routing check the media type before authorization.
/// </summary>
internal sealed record RequestBodyDocumentation(string Description, bool Required, IReadOnlyList<(string MediaType, Type Schema)> Content);
