using System.Text.Json;

namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>Writes truth.json: every planted abusive cluster with sorted members, plus the planted hard negatives.</summary>
internal static class TruthWriter
{
    public static void Write(string path, PlatformPlan plan, SyntheticOptions options, long events, ViralBurst? viral)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("accounts", plan.Accounts);
        json.WriteNumber("events", events);
        json.WriteString("windowStart", Iso(plan.Timeline.ToUtc(plan.Timeline.WindowStart)));
        json.WriteString("windowEnd", Iso(plan.Timeline.ToUtc(plan.Timeline.End)));

        json.WriteStartObject("platform");
        json.WriteNumber("benignAccounts", plan.BenignCount);
        json.WriteNumber("content", plan.ContentOwner.Length);
        json.WriteNumber("devices", plan.DeviceCount);
        json.WriteNumber("ips", plan.IpAddresses.Length);
        json.WriteNumber("householdAccounts", plan.InHousehold.Count(h => h));
        json.WriteNumber("carrierNatAccounts", plan.NatIp.Count(ip => ip >= 0));
        json.WriteEndObject();

        json.WriteStartArray("clusters");
        foreach (ClusterPlan cluster in plan.Clusters)
        {
            json.WriteStartObject();
            json.WriteString("id", cluster.Id);
            json.WriteString("kind", cluster.Kind == AccountRole.Ring ? "ring" : "bot");
            WriteMembers(json, plan, cluster.Members);
            json.WriteString("description", cluster.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("hardNegatives");
        if (viral is not null)
        {
            json.WriteStartObject();
            json.WriteString("id", "viral-1");
            json.WriteString("kind", "viral");
            json.WriteString("target", $"c{viral.Content + 1}");
            json.WriteString("start", Iso(plan.Timeline.ToUtc(viral.Start)));
            WriteMembers(json, plan, viral.Participants);
            json.WriteString("description",
                $"Benign viral burst: {viral.Participants.Length} unrelated accounts view and like (some share) c{viral.Content + 1} within one hour; they share nothing else.");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter json, PlatformPlan plan, int[] accounts)
    {
        string[] ids = [.. accounts.Select(a => $"a{plan.PublicId[a]}")];
        Array.Sort(ids, StringComparer.Ordinal);
        json.WriteStartArray("members");
        foreach (string id in ids)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
