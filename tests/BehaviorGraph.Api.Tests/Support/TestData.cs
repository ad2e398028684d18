namespace BehaviorGraph.Api.Tests.Support;

/// <summary>
/// A hand-checkable platform: a1, a2, a3 share device d1 and form a follow chain a1→a2→a3; a4 uses d2 and follows a1.
/// </summary>
internal static class TestData
{
    public const string Events =
        """
        event_id,ts,type,actor,target,target_kind,value,device,ip
        e1,2026-01-01T00:00:00Z,signup,a1,,,,d1,10.0.0.1
        e2,2026-01-01T00:01:00Z,signup,a2,,,,d1,10.0.0.2
        e3,2026-01-01T00:02:00Z,signup,a3,,,,d1,10.0.0.3
        e4,2026-01-01T00:03:00Z,signup,a4,,,,d2,10.0.0.4
        e5,2026-01-01T00:04:00Z,follow,a1,a2,account,,d1,10.0.0.1
        e6,2026-01-01T00:05:00Z,follow,a2,a3,account,,d1,10.0.0.2
        e7,2026-01-01T00:06:00Z,follow,a4,a1,account,,d2,10.0.0.4
        e8,not-a-time,follow,a4,a2,account,,d2,10.0.0.4

        """;

    public const string ModelVersion = "m-test-1";
}
