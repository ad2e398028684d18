using System.Text.RegularExpressions;

namespace BehaviorGraph.Neo4j.Cypher;

/// <summary>
/// One statement file of <c>cypher/</c>: its name (path without extension, e.g. <c>sync/merge_accounts</c>),
/// its text, and the parameters its header declares (<c>// params: none</c>, or <c>// params:</c> followed by
/// <c>//   $name: description</c> lines). cypher/lint/lint.mjs reads the header by the same rules.
/// </summary>
internal sealed partial record CypherStatement(string Name, string Text, IReadOnlySet<string> Parameters)
{
    public static CypherStatement Parse(string name, string text)
    {
        HashSet<string>? declared = null;
        var inParams = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (!line.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }

            var body = line[2..].Trim();
            var paramsLine = ParamsLine().Match(body);
            if (paramsLine.Success)
            {
                declared = new HashSet<string>(StringComparer.Ordinal);
                var rest = paramsLine.Groups[1].Value.Trim();
                inParams = rest != "none";
                var inline = ParamDeclaration().Match(rest);
                if (inline.Success)
                {
                    declared.Add(inline.Groups[1].Value);
                }

                continue;
            }

            if (inParams && ParamDeclaration().Match(body) is { Success: true } param)
            {
                declared!.Add(param.Groups[1].Value);
            }
        }

        return declared is null
            ? throw new InvalidDataException($"Cypher statement '{name}' has no '// params:' header line.")
            : new CypherStatement(name, text, declared);
    }

    /// <summary>Throws unless <paramref name="parameters"/> names exactly the declared parameters.</summary>
    public void CheckParameters(IReadOnlyDictionary<string, object?> parameters)
    {
        var missing = Parameters.Where(p => !parameters.ContainsKey(p)).ToList();
        var extra = parameters.Keys.Where(k => !Parameters.Contains(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new ArgumentException(
                $"Cypher statement '{Name}' declares ${string.Join(", $", Parameters.Order(StringComparer.Ordinal))}" +
                (missing.Count > 0 ? $"; missing: ${string.Join(", $", missing)}" : string.Empty) +
                (extra.Count > 0 ? $"; not declared: ${string.Join(", $", extra)}" : string.Empty) + ".");
        }
    }

    [GeneratedRegex(@"^params:\s*(.*)$")]
    private static partial Regex ParamsLine();

    [GeneratedRegex(@"^\$([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex ParamDeclaration();
}
