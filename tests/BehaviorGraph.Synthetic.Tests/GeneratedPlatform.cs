using System.Globalization;
using System.Text.Json;

namespace BehaviorGraph.Synthetic.Tests;

/// <summary>One generated platform (3,000 accounts) shared by the tests that read its files.</summary>
public sealed class GeneratedPlatform : IDisposable
{
    public const int Accounts = 3_000;

    public GeneratedPlatform()
    {
        Directory = Path.Combine(Path.GetTempPath(), "bg-synthetic-" + Path.GetRandomFileName());
        Summary = SyntheticPlatform.Generate(new SyntheticOptions(Accounts, Seed: 7), Directory);
        EventLines = File.ReadAllLines(Summary.EventsPath);
        Events = [.. EventLines.Skip(1).Select(Parse)];
        LabelLines = File.ReadAllLines(Summary.LabelsPath);
        Truth = JsonDocument.Parse(File.ReadAllBytes(Summary.TruthPath));
        Clusters = [.. Truth.RootElement.GetProperty("clusters").EnumerateArray().Select(c => new TruthCluster(
            c.GetProperty("id").GetString()!,
            c.GetProperty("kind").GetString()!,
            [.. c.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)],
            c.GetProperty("description").GetString()!))];
        TruthMembers = [.. Clusters.SelectMany(c => c.Members)];
    }

    public string Directory { get; }

    public GenerationSummary Summary { get; }

    public string[] EventLines { get; }

    public List<CsvEvent> Events { get; }

    public string[] LabelLines { get; }

    public JsonDocument Truth { get; }

    public List<TruthCluster> Clusters { get; }

    public HashSet<string> TruthMembers { get; }

    public void Dispose()
    {
        Truth.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

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
