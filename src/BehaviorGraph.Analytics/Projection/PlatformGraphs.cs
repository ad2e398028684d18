namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// The account projections an analysis run needs, all over accounts 0..n-1:
/// <see cref="Follow"/> (directed follows), <see cref="Contact"/> (directed follows and messages),
/// <see cref="Interaction"/> (contact plus ratings, and likes, comments and shares of content drawn to the content's
/// owner; weight = events), and <see cref="Mutual"/> (undirected: u and v each interact with the other).
/// </summary>
internal sealed class PlatformGraphs
{
    private PlatformGraphs(int[] contentOwner, CsrGraph follow, CsrGraph contact, CsrGraph interaction, CsrGraph mutual)
    {
        ContentOwner = contentOwner;
        Follow = follow;
        Contact = contact;
        Interaction = interaction;
        Mutual = mutual;
    }

    /// <summary>Owner account of each content item (first poster), -1 when nobody posted it.</summary>
    public int[] ContentOwner { get; }

    public CsrGraph Follow { get; }

    public CsrGraph Contact { get; }

    public CsrGraph Interaction { get; }

    public CsrGraph Mutual { get; }

    public long MemoryBytes => Follow.MemoryBytes + Contact.MemoryBytes + Interaction.MemoryBytes + Mutual.MemoryBytes + (4L * ContentOwner.Length);

    public static PlatformGraphs Build(PlatformData data)
    {
        var n = data.AccountCount;
        var ids = IdMap.Sequential(n);
        var owner = ContentOwners(data);

        var follow = new EdgeBuffer(withTimes: false, withCounts: false, 1024);
        var contact = new EdgeBuffer(withTimes: false, withCounts: false, 1024);
        var interaction = new EdgeBuffer(withTimes: false, withCounts: false, 1024);
        var accounts = data.AccountEdges;
        for (var i = 0; i < accounts.Length; i++)
        {
            var type = accounts.Type[i];
            if (type is not (EventTypeCodes.Follow or EventTypeCodes.Message or EventTypeCodes.Rate) || accounts.Source[i] == accounts.Target[i])
            {
                continue;
            }

            if (type == EventTypeCodes.Follow)
            {
                follow.Add(accounts.Source[i], accounts.Target[i], accounts.Count[i]);
            }

            if (type != EventTypeCodes.Rate)
            {
                contact.Add(accounts.Source[i], accounts.Target[i], accounts.Count[i]);
            }

            interaction.Add(accounts.Source[i], accounts.Target[i], accounts.Count[i]);
        }

        var content = data.ContentEdges;
        for (var i = 0; i < content.Length; i++)
        {
            if (content.Type[i] is not (EventTypeCodes.Like or EventTypeCodes.Comment or EventTypeCodes.Share))
            {
                continue;
            }

            var to = owner[content.Target[i]];
            if (to >= 0 && to != content.Source[i])
            {
                interaction.Add(content.Source[i], to, content.Count[i]);
            }
        }

        var followGraph = CsrBuilder.Build(ids, follow, Orientation.Natural, merge: true);
        var contactGraph = CsrBuilder.Build(ids, contact, Orientation.Natural, merge: true);
        var interactionGraph = CsrBuilder.Build(ids, interaction, Orientation.Natural, merge: true);
        return new PlatformGraphs(owner, followGraph, contactGraph, interactionGraph, MutualOf(interactionGraph));
    }

    private static int[] ContentOwners(PlatformData data)
    {
        var owner = new int[data.ContentCount];
        var first = new long[data.ContentCount];
        Array.Fill(owner, -1);
        var content = data.ContentEdges;
        for (var i = 0; i < content.Length; i++)
        {
            if (content.Type[i] != EventTypeCodes.Post)
            {
                continue;
            }

            var c = content.Target[i];
            if (owner[c] < 0 || content.FirstMs[i] < first[c])
            {
                owner[c] = content.Source[i];
                first[c] = content.FirstMs[i];
            }
        }

        return owner;
    }

    private static CsrGraph MutualOf(CsrGraph interaction)
    {
        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, 1024);
        for (var u = 0; u < interaction.NodeCount; u++)
        {
            foreach (var v in interaction.Neighbors(u))
            {
                if (v > u && interaction.HasEdge(v, u))
                {
                    buffer.Add(u, v, 1f);
                }
            }
        }

        return CsrBuilder.Build(interaction.IdMap, buffer, Orientation.Undirected, merge: true);
    }
}
