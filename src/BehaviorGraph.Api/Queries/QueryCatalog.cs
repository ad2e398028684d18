using System.Text.Json;

namespace BehaviorGraph.Api.Queries;

/// <summary>
/// The named queries of <c>/v1/queries</c>. Each is parameterised SQL over the relational store (identical on SQLite and
/// PostgreSQL); callers choose a query and supply typed values, which are bound as parameters.
/// </summary>
internal static class QueryCatalog
{
    private const string LatestAnalysisRun = "(SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1)";
    private const string LatestScoreRun = "(SELECT id FROM score_runs WHERE completed_at IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1)";

    private static readonly QueryParameter Limit = new("limit", ParameterType.Integer, false, "Rows to return (1–1000).", 100, 1, 1000);

    public static IReadOnlyList<NamedQuery> All { get; } =
    [
        new(
            "accounts-sharing-device",
            "Accounts that acted from any device the given account acted from, with the shared device and how often the other account used it.",
            [new("account", ParameterType.String, true, "Account key."), Limit],
            """
            SELECT other.key AS account, d.key AS device, e2.count AS events
            FROM nodes a
            JOIN edges e1 ON e1.src = a.id AND e1.type = 'uses_device'
            JOIN nodes d ON d.id = e1.dst
            JOIN edges e2 ON e2.dst = e1.dst AND e2.type = 'uses_device' AND e2.src <> a.id
            JOIN nodes other ON other.id = e2.src
            WHERE a.kind = 1 AND a.key = @account
            ORDER BY other.key, d.key
            LIMIT @limit
            """),
        new(
            "accounts-sharing-ip",
            "Accounts that acted from any IP address the given account acted from, with the shared address.",
            [new("account", ParameterType.String, true, "Account key."), Limit],
            """
            SELECT other.key AS account, i.key AS ip, e2.count AS events
            FROM nodes a
            JOIN edges e1 ON e1.src = a.id AND e1.type = 'uses_ip'
            JOIN nodes i ON i.id = e1.dst
            JOIN edges e2 ON e2.dst = e1.dst AND e2.type = 'uses_ip' AND e2.src <> a.id
            JOIN nodes other ON other.id = e2.src
            WHERE a.kind = 1 AND a.key = @account
            ORDER BY other.key, i.key
            LIMIT @limit
            """),
        new(
            "top-risk-in-cluster",
            "Members of a cluster of the latest analysis run, highest score of the latest scoring run first.",
            [new("cluster", ParameterType.String, true, "Cluster id."), Limit],
            $"""
            SELECT m.account AS account, s.score AS score, s.decision AS decision
            FROM cluster_members m
            JOIN scores s ON s.account = m.account AND s.run_id = {LatestScoreRun}
            WHERE m.run_id = {LatestAnalysisRun} AND m.cluster_id = @cluster
            ORDER BY s.score DESC, m.account
            LIMIT @limit
            """),
        new(
            "recent-quarantine",
            "The most recently quarantined input rows with their source, line and reason.",
            [Limit],
            """
            SELECT source AS source, line AS line, reason AS reason, raw AS raw, quarantined_at AS quarantinedAtMs
            FROM quarantine
            ORDER BY quarantined_at DESC, content_hash, line
            LIMIT @limit
            """),
    ];

    public static NamedQuery? Find(string name) => All.FirstOrDefault(q => q.Name == name);

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
