using System.Globalization;
using System.Text.Json;

namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Writes truth.json: the options the platform was generated with, every planted abusive cluster (kind ring, bot,
/// farm or block) with sorted members and what was planted (blocks also list their targets, bot clusters their jobs,
/// farms their addresses), plus the planted hard negatives (viral bursts, dense friend groups).
/// </summary>
internal static class TruthWriter
{
    public static void Write(string path, PlatformPlan plan, SyntheticOptions options, long events, IReadOnlyList<ViralBurst> viral)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("protocol", "platform");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("accounts", plan.Accounts);
        json.WriteNumber("events", events);
        json.WriteString("windowStart", Iso(plan.Timeline.ToUtc(plan.Timeline.WindowStart)));
        json.WriteString("windowEnd", Iso(plan.Timeline.ToUtc(plan.Timeline.End)));
        WriteOptions(json, options);

        json.WriteStartObject("platform");
        json.WriteNumber("benignAccounts", plan.BenignCount - plan.Clusters.Where(c => c.Hijacked).Sum(c => c.Members.Length));
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
            json.WriteString("kind", KindName(cluster.Kind));
            WriteMembers(json, "members", cluster.Members.Select(a => AccountId(plan, a)));
            switch (cluster.Kind)
            {
                case AccountRole.Ring:
                    json.WriteNumber("signupDays", cluster.SignupBurstDays);
                    json.WriteNumber("carefulMembers", cluster.CarefulMembers);
                    json.WriteNumber("coveredMembers", cluster.Members.Count(m => plan.Covered[m]));
                    json.WriteNumber("internalFollowDensity", Math.Round(cluster.InternalDensity, 4));
                    json.WriteNumber("strangersContacted", cluster.OutreachTargets);
                    break;
                case AccountRole.Bot:
                    json.WriteNumber("jobSpreadSeconds", cluster.JobSpreadSeconds);
                    json.WriteString("jobTiming", options.BotJobTiming.ToString().ToLowerInvariant());
                    json.WriteStartArray("jobs");
                    foreach (BotJob job in cluster.Jobs)
                    {
                        json.WriteStartObject();
                        json.WriteString("type", job.Kind.ToString().ToLowerInvariant());
                        json.WriteString("target", job.Kind == EventKind.Follow ? AccountId(plan, job.Target) : ContentId(job.Target));
                        json.WriteString("start", Iso(plan.Timeline.ToUtc(job.Start)));
                        json.WriteNumber("participants", job.Participants);
                        json.WriteNumber("lastLagSeconds", job.LastLag);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                case AccountRole.Farm:
                    json.WriteNumber("signupDays", cluster.SignupBurstDays);
                    WriteMembers(json, "ips", cluster.IpPool.Select(ip => Dotted(plan.IpAddresses[ip])));
                    break;
                case AccountRole.Block:
                    WriteMembers(json, "targets", cluster.Targets.Select(t => t.IsAccount ? AccountId(plan, t.Index) : ContentId(t.Index)));
                    json.WriteNumber("density", cluster.InternalDensity);
                    json.WriteNumber("plannedTargets", cluster.PlannedTargets);
                    json.WriteString("camouflage", CamouflageName(options.BlockCamouflage));
                    json.WriteNumber("engagements", cluster.PlantedEngagements);
                    json.WriteNumber("camouflageEngagements", cluster.CamouflageEngagements);
                    break;
            }

            json.WriteString("description", cluster.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("hardNegatives");
        for (int b = 0; b < viral.Count; b++)
        {
            ViralBurst burst = viral[b];
            json.WriteStartObject();
            json.WriteString("id", $"viral-{b + 1}");
            json.WriteString("kind", "viral");
            json.WriteString("target", ContentId(burst.Content));
            json.WriteString("start", Iso(plan.Timeline.ToUtc(burst.Start)));
            WriteMembers(json, "members", burst.Participants.Select(a => AccountId(plan, a)));
            json.WriteString("description",
                $"Benign viral burst: {burst.Participants.Length} unrelated accounts view and like (some share) {ContentId(burst.Content)} within one hour; they share nothing else.");
            json.WriteEndObject();
        }

        foreach (FriendGroup group in plan.FriendGroups)
        {
            json.WriteStartObject();
            json.WriteString("id", group.Id);
            json.WriteString("kind", "friends");
            WriteMembers(json, "members", group.Members.Select(a => AccountId(plan, a)));
            json.WriteNumber("followDensity", Math.Round(group.Density, 4));
            json.WriteBoolean("joinedTogether", group.JoinedTogether);
            if (group.JoinedTogether)
            {
                json.WriteNumber("signupDays", group.SignupDays);
            }

            json.WriteString("description",
                $"Benign friend group of {group.Members.Length}: follow density {group.Density:F2}, nearly all reciprocated, messages with replies, likes and comments on each other's posts; " +
                (group.JoinedTogether ? $"joined together within {group.SignupDays} day(s); " : "") +
                "their ordinary devices and connections, no outreach, no reports.");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string KindName(AccountRole kind) => kind switch
    {
        AccountRole.Ring => "ring",
        AccountRole.Bot => "bot",
        AccountRole.Farm => "farm",
        AccountRole.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an abusive kind"),
    };

    public static string CamouflageName(BlockCamouflage camouflage) => camouflage switch
    {
        BlockCamouflage.None => "none",
        BlockCamouflage.Random => "random",
        BlockCamouflage.DegreeBiased => "degree",
        _ => "hijacked",
    };

    public static void WriteMembers(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        string[] sorted = [.. values];
        Array.Sort(sorted, StringComparer.Ordinal);
        json.WriteStartArray(name);
        foreach (string value in sorted)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteOptions(Utf8JsonWriter json, SyntheticOptions o)
    {
        json.WriteStartObject("options");
        json.WriteNumber("accounts", o.Accounts);
        json.WriteNumber("seed", o.Seed);
        json.WriteString("windowStart", o.WindowStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("activityDays", o.ActivityDays);
        json.WriteNumber("signupDays", o.SignupDays);
        json.WriteNumber("ringsPer10kAccounts", o.RingsPer10kAccounts);
        json.WriteNumber("botClustersPer10kAccounts", o.BotClustersPer10kAccounts);
        json.WriteNumber("farmsPer10kAccounts", o.FarmsPer10kAccounts);
        json.WriteNumber("blocksPer10kAccounts", o.BlocksPer10kAccounts);
        json.WriteNumber("friendGroupsPer10kAccounts", o.FriendGroupsPer10kAccounts);
        json.WriteNumber("viralBursts", o.ViralBursts);
        json.WriteString("ringSignupDays", o.RingSignupDays.ToString());
        json.WriteNumber("carefulRingFraction", o.CarefulRingFraction);
        json.WriteNumber("carefulRingCover", o.CarefulRingCover);
        json.WriteString("ringOutreach", o.RingOutreach.ToString());
        json.WriteNumber("camouflageRatio", o.CamouflageRatio);
        json.WriteString("botJobSpreadMinutes", o.BotJobSpreadMinutes.ToString());
        json.WriteString("botJobTiming", o.BotJobTiming.ToString().ToLowerInvariant());
        json.WriteString("botJobs", o.BotJobs.ToString());
        json.WriteString("farmSize", o.FarmSize.ToString());
        json.WriteString("farmIps", o.FarmIps.ToString());
        json.WriteString("farmSignupDays", o.FarmSignupDays.ToString());
        json.WriteString("blockAccounts", o.BlockAccounts.ToString());
        json.WriteString("blockTargets", o.BlockTargets.ToString());
        json.WriteNumber("blockDensity", o.BlockDensity);
        json.WriteString("blockTargetKind", o.BlockTargetKind.ToString().ToLowerInvariant());
        json.WriteString("blockCamouflage", CamouflageName(o.BlockCamouflage));
        json.WriteNumber("blockCamouflageRatio", o.BlockCamouflageRatio);
        json.WriteString("friendGroupSize", o.FriendGroupSize.ToString());
        json.WriteNumber("labelledAbusiveFraction", o.LabelledAbusiveFraction);
        json.WriteNumber("labelledBenignFraction", o.LabelledBenignFraction);
        json.WriteNumber("labelNoise", o.LabelNoise);
        json.WriteEndObject();
    }

    private static string AccountId(PlatformPlan plan, int account) => $"a{plan.PublicId[account]}";

    private static string ContentId(int content) => $"c{content + 1}";

    private static string Dotted(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");
}
