using System.Text.Json;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Reads the <c>clusters</c> array of a truth.json written by <c>bgraph generate</c> (id, kind, members).</summary>
public static class ClusterTruthFile
{
    public static IReadOnlyList<PlantedCluster> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Truth file {path} does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Truth file {path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("clusters", out var clusters)
                || clusters.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Truth file {path} has no \"clusters\" array.");
            }

            var result = new List<PlantedCluster>();
            var index = 0;
            foreach (var cluster in clusters.EnumerateArray())
            {
                index++;
                if (cluster.ValueKind != JsonValueKind.Object
                    || !cluster.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException($"Truth file {path}: cluster #{index} has no \"members\" array.");
                }

                var id = cluster.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"cluster-{index}";
                var kind = cluster.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString()! : string.Empty;
                result.Add(new PlantedCluster(id, kind, [.. members.EnumerateArray().Select(m => m.GetString() ?? string.Empty)]));
            }

            return result;
        }
    }
}
