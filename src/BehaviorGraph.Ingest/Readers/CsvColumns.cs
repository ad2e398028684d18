using System.Text;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>Where each contract field is in a CSV file's rows, from its header; -1 for a column the file lacks.</summary>
internal sealed record CsvColumns(int Count, int EventId, int Ts, int Type, int Actor, int Target, int TargetKind, int Value, int Device, int Ip)
{
    public static CsvColumns From(ReadOnlySpan<char> header, ReadOnlySpan<Range> names, long lineNumber)
    {
        Span<int> index = stackalloc int[EventFieldNames.All.Length];
        index.Fill(-1);
        for (var i = 0; i < names.Length; i++)
        {
            var name = header[names[i]].Trim(' ');
            var field = EventFieldNames.IndexOf(name);
            if (field < 0)
            {
                continue;
            }

            if (index[field] >= 0)
            {
                throw new IngestInputException(
                    $"The CSV header (line {lineNumber}) names column '{EventFieldNames.All[field]}' twice (columns {index[field] + 1} and {i + 1}); which one holds the field is ambiguous.");
            }

            index[field] = i;
        }

        var missing = new List<string>();
        foreach (var required in EventFieldNames.Required)
        {
            if (index[required] < 0)
            {
                missing.Add(EventFieldNames.All[required]);
            }
        }

        if (missing.Count > 0)
        {
            var has = new StringBuilder();
            foreach (var name in names)
            {
                has.Append(has.Length == 0 ? "" : ", ").Append(header[name]);
                if (has.Length > 200)
                {
                    break;
                }
            }

            throw new IngestInputException(
                $"The CSV header lacks required column(s) {string.Join(", ", missing)}; it has: {DisplayText.Of(has.ToString(), 200)}.");
        }

        return new CsvColumns(
            names.Length, index[EventFieldNames.EventId], index[EventFieldNames.Ts], index[EventFieldNames.Type], index[EventFieldNames.Actor],
            index[EventFieldNames.Target], index[EventFieldNames.TargetKind], index[EventFieldNames.Value], index[EventFieldNames.Device],
            index[EventFieldNames.Ip]);
    }
}
