using System.Globalization;
using System.Text.Json;

namespace BehaviorGraph.Synthetic.Tests;

/// <summary>A generated data set as a consumer of its files sees it: parsed events, the truth and the labels.</summary>
public class GeneratedFiles
{
    public GeneratedFiles(GenerationSummary summary)
    {
        Summary = summary;
        EventLines = File.ReadAllLines(summary.EventsPath);
        Events = [.. EventLines.Skip(1).Select(Parse)];
        LabelLines = summary.LabelsPath is null ? [] : File.ReadAllLines(summary.LabelsPath);
        using (JsonDocument truth = JsonDocument.Parse(File.ReadAllBytes(summary.TruthPath)))
        {
            TruthRoot = truth.RootElement.Clone();
        }

        Clusters = [.. TruthRoot.GetProperty("clusters").EnumerateArray().Select(TruthCluster.From)];
        HardNegatives = [.. TruthRoot.GetProperty("hardNegatives").EnumerateArray().Select(TruthCluster.From)];
        TruthMembers = [.. Clusters.SelectMany(c => c.Members)];
    }

    public GenerationSummary Summary { get; }

    public string[] EventLines { get; }

    public List<CsvEvent> Events { get; }

    public string[] LabelLines { get; }

    public JsonElement TruthRoot { get; }

    public List<TruthCluster> Clusters { get; }

    public List<TruthCluster> HardNegatives { get; }

    public HashSet<string> TruthMembers { get; }

    public IEnumerable<TruthCluster> OfKind(string kind) => Clusters.Where(c => c.Kind == kind);

    public static CsvEvent Parse(string line)
    {
        string[] f = line.Split(',');
        if (f.Length != 9)
        {
            throw new FormatException($"Expected 9 fields: {line}");
        }

        DateTime ts = DateTime.ParseExact(f[1], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new CsvEvent(f[0], ts, f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
    }
}
