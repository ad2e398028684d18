using System.Text.Json;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Reads a truth.json written by <c>bgraph generate</c>: the <c>clusters</c> array (id, kind, members, and targets for
/// blocks) and, when present, the <c>hardNegatives</c> array in the same shape.
/// </summary>
public static class ClusterTruthFile
{
    public static IReadOnlyList<PlantedCluster> Read(string path) => ReadTruth(path).Clusters;

    public static ClusterTruth ReadTruth(string path)
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

            var hardNegatives = document.RootElement.TryGetProperty("hardNegatives", out var negatives) && negatives.ValueKind == JsonValueKind.Array
                ? ReadArray(path, "hardNegatives", negatives)
                : [];
            return new ClusterTruth(ReadArray(path, "clusters", clusters), hardNegatives);
        }
    }

    private static List<PlantedCluster> ReadArray(string path, string name, JsonElement array)
    {
        var result = new List<PlantedCluster>();
        var index = 0;
        foreach (var cluster in array.EnumerateArray())
        {
            index++;
            if (cluster.ValueKind != JsonValueKind.Object
                || !cluster.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Truth file {path}: {name} entry #{index} has no \"members\" array.");
            }

            var id = cluster.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"{name}-{index}";
            var kind = cluster.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString()! : string.Empty;
            IReadOnlyList<string> targets = cluster.TryGetProperty("targets", out var targetElement) && targetElement.ValueKind == JsonValueKind.Array
                ? Strings(path, name, index, "targets", targetElement)
                : [];
            result.Add(new PlantedCluster(id, kind, Strings(path, name, index, "members", members)) { Targets = targets });
        }

        return result;
    }

    private static List<string> Strings(string path, string name, int index, string field, JsonElement array)
    {
        var values = new List<string>(array.GetArrayLength());
        foreach (var value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
            {
                throw new InvalidDataException($"Truth file {path}: {name} entry #{index} has a \"{field}\" value that is not a non-empty string.");
            }

            values.Add(value.GetString()!);
        }

        return values;
    }
}
