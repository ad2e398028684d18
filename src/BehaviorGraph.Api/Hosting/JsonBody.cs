using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace BehaviorGraph.Api.Hosting;

/// <summary>
/// A JSON request body read by the endpoint itself, after authorization (so the role is checked before the media
/// type), and held to what the framework's binder lets through: the media type is <c>application/json</c> (or
/// <c>+json</c>) in UTF-8, no object names a property twice (a duplicate is refused, not resolved to its last value),
/// every string and property name is valid Unicode (an unpaired surrogate escape such as <c>\ud800</c> is refused),
/// nesting is at most <see cref="MaxDepth"/> deep. Each failure is one <see cref="Problem"/> that says what is wrong.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    private JsonBody(JsonDocument? document, ProblemHttpResult? unsupported, ValidationProblem? invalid)
    {
        Document = document;
        Unsupported = unsupported;
        Invalid = invalid;
    }

    /// <summary>The parsed body; null when there was none (and none was required) or it was refused.</summary>
    public JsonDocument? Document { get; }

    /// <summary>415: the body is not JSON in UTF-8 by its media type.</summary>
    public ProblemHttpResult? Unsupported { get; }

    /// <summary>400: no body where one is required, or a body that is not acceptable JSON.</summary>
    public ValidationProblem? Invalid { get; }

    /// <summary>The refusal, when there is one.</summary>
    public IResult? Problem => (IResult?)Unsupported ?? Invalid;

    public static async Task<JsonBody> ReadAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var hasBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return required ? Refused("A JSON body is required.") : new JsonBody(null, null, null);
        }

        if (MediaTypeProblem(request.ContentType) is { } unsupported)
        {
            return new JsonBody(null, TypedResults.Problem(unsupported, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"), null);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Refused($"The body is not valid JSON: {Describe(ex)}");
        }
        catch (InvalidOperationException)
        {
            // Checking property names for duplicates decodes them; an unpaired surrogate escape in one throws this.
            return Refused(NotUnicode("A property name"));
        }

        if (FirstInvalidText(document.RootElement, "$") is { } path)
        {
            document.Dispose();
            return Refused(NotUnicode(path));
        }

        return new JsonBody(document, null, null);
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, when it is an object naming only <paramref name="properties"/> (exact
    /// spelling) with values of the right JSON types; otherwise null, with the reasons added to <paramref name="errors"/>.
    /// </summary>
    public T? Read<T>(JsonSerializerOptions options, Dictionary<string, string[]> errors, params string[] properties)
        where T : class
    {
        if (Document is not { RootElement: { ValueKind: JsonValueKind.Object } root })
        {
            errors[""] = [$"The body must be a JSON object with the fields {string.Join(", ", properties)}."];
            return null;
        }

        foreach (var property in root.EnumerateObject().Where(p => !properties.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors[property.Name] = [$"Unknown field; this body takes {string.Join(", ", properties)}."];
        }

        try
        {
            return root.Deserialize<T>(options);
        }
        catch (JsonException ex)
        {
            errors[ex.Path?.TrimStart('$', '.') ?? ""] = ["Has the wrong JSON type for this field."];
            return null;
        }
    }

    public void Dispose() => Document?.Dispose();

    private static string NotUnicode(string what) =>
        $"{what} is not valid Unicode text: it holds an unpaired UTF-16 surrogate (such as \\ud800) or bytes that are not UTF-8.";

    private static JsonBody Refused(string reason) =>
        new(null, null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [reason] }));

    private static string? MediaTypeProblem(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return "Send the body as JSON (Content-Type: application/json).";
        }

        var type = media.MediaType.Value ?? "";
        if (!type.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"Send the body as JSON (Content-Type: application/json), not {type}.";
        }

        return media.Charset is { HasValue: true } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? $"JSON bodies are read as UTF-8; the body says charset={charset}."
            : null;
    }

    /// <summary>The reader's own explanation (position included), with the parts about .NET types left out.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 && message.Contains("System.", StringComparison.Ordinal) ? message[..cut] : message;
    }

    /// <summary>The path of the first string or property name that does not decode to valid UTF-16, or null.</summary>
    private static string? FirstInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalidText(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var position = 0;
                foreach (var property in element.EnumerateObject())
                {
                    string? name = null;
                    if (!Decodes(() => name = property.Name))
                    {
                        return $"The name of property {position + 1} of {path}";
                    }

                    if (FirstInvalidText(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }

                    position++;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
