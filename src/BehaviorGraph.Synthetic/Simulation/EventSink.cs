namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Collects generated events into per-day buckets. A day is taken (sorted) once no stage will emit
/// into it any more; events after the end of the activity window are dropped, as an export cut-off would.
/// </summary>
internal sealed class EventSink(Timeline timeline)
{
    private readonly List<SynEvent>?[] _days = new List<SynEvent>?[timeline.TotalDays];
    private int _sequence;
    private int _takenThrough = -1;

    public void Add(int ts, EventKind kind, int actor, int target, (int Device, int Ip) identity, int value = 0)
    {
        if (ts < 0 || ts >= timeline.End)
        {
            return;
        }

        int day = ts / Timeline.Day;
        if (day <= _takenThrough)
        {
            throw new InvalidOperationException($"Event at second {ts} emitted after day {day} was written.");
        }

        (_days[day] ??= []).Add(new SynEvent
        {
            Ts = ts,
            Seq = _sequence++,
            Actor = actor,
            Target = target,
            Device = identity.Device,
            Ip = identity.Ip,
            Kind = kind,
            Value = (sbyte)value,
        });
    }

    /// <summary>Removes and returns the day's events in time order.</summary>
    public List<SynEvent> TakeDay(int day)
    {
        List<SynEvent> events = _days[day] ?? [];
        _days[day] = null;
        _takenThrough = day;
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events).Sort(default(SynEventOrder));
        return events;
    }
}
