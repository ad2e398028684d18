using System.Text.Json;
using BehaviorGraph.Core.Queries;

namespace BehaviorGraph.Api.Queries;

/// <summary>
/// Binds a <c>POST /v1/queries/{name}</c> body to a named query's typed parameters. The query's text belongs to the
/// store (<see cref="Core.Reads.INamedQueries"/>); only checked values reach it, as bound parameters.
/// </summary>
internal static class QueryArguments
{
    /// <summary>Binds the body's values to the query's parameters; errors are keyed by parameter name.</summary>
    public static (Dictionary<string, object> Values, Dictionary<string, string[]> Errors) Bind(NamedQuery query, JsonElement? body)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            errors[""] = ["The body must be a JSON object of parameter name → value."];
            return (values, errors);
        }

        var given = body is { ValueKind: JsonValueKind.Object } b ? b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal) : [];
        foreach (var name in given.Keys.Where(n => query.Parameters.All(p => p.Name != n)))
        {
            errors[name] = [$"'{query.Name}' has no parameter '{name}'; it takes {string.Join(", ", query.Parameters.Select(p => p.Name))}."];
        }

        foreach (var parameter in query.Parameters)
        {
            if (!given.TryGetValue(parameter.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (parameter.Required)
                {
                    errors[parameter.Name] = ["Required."];
                }
                else if (parameter.Default is { } fallback)
                {
                    values[parameter.Name] = fallback;
                }

                continue;
            }

            switch (parameter.Type)
            {
                case ParameterType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n):
                    if (n < parameter.Min || n > parameter.Max)
                    {
                        errors[parameter.Name] = [$"Must be from {parameter.Min} to {parameter.Max}; got {n}."];
                    }
                    else
                    {
                        values[parameter.Name] = n;
                    }

                    break;
                case ParameterType.String when value.ValueKind == JsonValueKind.String:
                    var text = value.GetString()!;
                    if (text.Length == 0 || text.Length > parameter.Max)
                    {
                        errors[parameter.Name] = [$"Must be 1 to {parameter.Max} characters."];
                    }
                    else
                    {
                        values[parameter.Name] = text;
                    }

                    break;
                default:
                    errors[parameter.Name] = [$"Must be {(parameter.Type == ParameterType.Integer ? "an integer" : "a string")}."];
                    break;
            }
        }

        return (values, errors);
    }
}
