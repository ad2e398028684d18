using BehaviorGraph.Synthetic.Simulation;

namespace BehaviorGraph.Synthetic;

/// <summary>
/// Generates a synthetic social platform: events.csv (the public event contract), labels.csv (a partial,
/// noisy label set) and truth.json (every planted abusive cluster and hard negative). Output is fully determined by
/// the options.
/// </summary>
public static class SyntheticPlatform
{
    public const string EventsFileName = "events.csv";
    public const string LabelsFileName = "labels.csv";
    public const string TruthFileName = "truth.json";

    public static GenerationSummary Generate(
        SyntheticOptions options,
        string outputDirectory,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        outputDirectory = Path.GetFullPath(outputDirectory);

        progress?.Report(new GenerationProgress("plan", 0));
        PlatformPlan plan = PlatformPlanner.Build(options);
        progress?.Report(new GenerationProgress("plan", 1));
        cancellationToken.ThrowIfCancellationRequested();

        Directory.CreateDirectory(outputDirectory);
        string eventsPath = Path.Combine(outputDirectory, EventsFileName);
        string labelsPath = Path.Combine(outputDirectory, LabelsFileName);
        string truthPath = Path.Combine(outputDirectory, TruthFileName);

        progress?.Report(new GenerationProgress("abuse", 0));
        var sink = new EventSink(plan.Timeline);
        new RingSimulator(plan, options).Simulate(sink);
        new BotSimulator(plan, options).Simulate(sink);
        new FarmSimulator(plan, options).Simulate(sink);
        new BlockSimulator(plan, options).Simulate(sink);
        new FriendGroupSimulator(plan, options).Simulate(sink);
        List<ViralBurst> viral = new ViralBurstSimulator(plan, options).Simulate(sink);
        progress?.Report(new GenerationProgress("abuse", 1));

        long events = WriteEvents(plan, options, sink, eventsPath, progress, cancellationToken);

        progress?.Report(new GenerationProgress("labels", 0));
        List<AccountLabel> labels = new LabelSampler(plan, options).Sample(viral);
        WriteLabels(labelsPath, plan, labels);
        progress?.Report(new GenerationProgress("labels", 1));

        TruthWriter.Write(truthPath, plan, options, events, viral);
        progress?.Report(new GenerationProgress("truth", 1));

        int abusiveLabels = labels.Count(l => l.Abusive);
        return new GenerationSummary(
            "platform",
            eventsPath,
            labelsPath,
            truthPath,
            events,
            plan.Accounts,
            plan.Clusters.Count(c => c.Kind == AccountRole.Ring),
            plan.Clusters.Count(c => c.Kind == AccountRole.Bot),
            plan.Clusters.Count(c => c.Kind == AccountRole.Farm),
            plan.Clusters.Count(c => c.Kind == AccountRole.Block),
            viral.Count + plan.FriendGroups.Count,
            abusiveLabels,
            labels.Count - abusiveLabels);
    }

    private static long WriteEvents(
        PlatformPlan plan, SyntheticOptions options, EventSink sink, string path, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        // Written under a temporary name so a cancelled or failed run never leaves a truncated events.csv behind.
        string temporary = path + ".partial";
        try
        {
            long written;
            using (var writer = new EventCsvWriter(temporary, plan))
            {
                var organic = new OrganicSimulator(plan, options);
                int days = plan.Timeline.TotalDays;
                for (int day = 0; day < days; day++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    organic.SimulateDay(day, sink);
                    foreach (SynEvent e in sink.TakeDay(day))
                    {
                        writer.Write(e);
                    }

                    progress?.Report(new GenerationProgress("events", (day + 1) / (double)days));
                }

                written = writer.Written;
            }

            File.Move(temporary, path, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteLabels(string path, PlatformPlan plan, List<AccountLabel> labels)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine("account,label");
        foreach (AccountLabel label in labels)
        {
            writer.Write('a');
            writer.Write(plan.PublicId[label.Account]);
            writer.WriteLine(label.Abusive ? ",abusive" : ",benign");
        }
    }
}
