using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>What a line of a generated file is.</summary>
internal enum LineKind
{
    Good,
    Blank,
    Damaged,
    Repeat,
    PaddedToLimit,
}

/// <summary>One line of a generated file's plan; <see cref="Salt"/> seeds everything random about it.</summary>
internal sealed record PlanItem(LineKind Kind, int Damage, int Salt);

/// <summary>A whole file to generate: format, byte-order mark, the lines, and how a reader reads it.</summary>
internal sealed record FilePlan(bool Csv, bool Bom, int LeadingBlanks, IReadOnlyList<PlanItem> Items, int ChunkSize, int Seed, int SkipPercent, bool FinalNewline)
{
    public override string ToString() =>
        $"{(Csv ? "csv" : "jsonl")} bom={Bom} blanks={LeadingBlanks} chunk={ChunkSize} seed={Seed} skip={SkipPercent}% final-newline={FinalNewline} items=[{string.Join(", ", Items.Select(i => i.Kind == LineKind.Damaged ? $"{i.Kind}:{i.Damage}:{i.Salt}" : $"{i.Kind}:{i.Salt}"))}]";
}

/// <summary>A generated file and everything a reader must make of it.</summary>
internal sealed class EventFile
{
    public required byte[] Content { get; init; }

    /// <summary>The good rows in file order, with their line numbers.</summary>
    public required List<(long Line, InteractionEvent Event)> Events { get; init; }

    /// <summary>Every damaged line, its damage, and the codes it may be quarantined with.</summary>
    public required List<(long Line, Damage Damage)> Damaged { get; init; }

    public required long BlankLines { get; init; }

    public required long HeaderLine { get; init; }

    public required long Lines { get; init; }

    public static EventFile Build(FilePlan plan, int limit)
    {
        var rng = new Random(plan.Seed);
        var columns = Rendering.Columns.OrderBy(_ => rng.Next()).ToArray();
        var catalogue = plan.Csv ? Damages.Csv : Damages.Json;
        var bytes = new List<byte>();
        var events = new List<(long, InteractionEvent)>();
        var damaged = new List<(long, Damage)>();
        long line = 0, blank = 0, header = 0;
        var lastContentEmpty = false;
        (byte[] Line, InteractionEvent Event)? last = null;

        void Emit(byte[] content)
        {
            bytes.AddRange(content);
            bytes.AddRange(rng.Next(3) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            lastContentEmpty = content.Length == 0;
            line++;
        }

        void EmitBlank()
        {
            Emit(rng.Next(3) switch { 0 => [], 1 => " "u8.ToArray(), _ => "\t  "u8.ToArray() });
            blank++;
        }

        if (plan.Bom)
        {
            bytes.AddRange([0xEF, 0xBB, 0xBF]);
        }

        for (var i = 0; i < plan.LeadingBlanks; i++)
        {
            EmitBlank();
        }

        if (plan.Csv)
        {
            Emit(Rendering.Utf8(Rendering.CsvHeader(rng, columns)));
            header = line;
        }

        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            var itemRng = new Random(item.Salt ^ (i * 7919));
            var good = GoodEvents.Create(itemRng, i);
            var input = new DamageInput(good, columns, itemRng, limit);
            switch (item.Kind)
            {
                case LineKind.Blank:
                    EmitBlank();
                    break;
                case LineKind.Damaged:
                    var damage = catalogue[item.Damage % catalogue.Length];
                    var content = damage.Apply(input);

                    // A byte-order mark that begins the file is the file's own, dropped by design, not damage.
                    if (content is [0xEF, 0xBB, 0xBF, ..] && bytes.Count == 0)
                    {
                        content = null;
                    }

                    if (content is null)
                    {
                        damage = catalogue[0];
                        content = damage.Apply(input)!;
                    }

                    var start = 0;
                    for (var at = 0; at <= content.Length; at++)
                    {
                        if (at == content.Length || content[at] == '\n')
                        {
                            Emit(content[start..at]);
                            damaged.Add((line, damage));
                            start = at + 1;
                        }
                    }

                    break;
                case LineKind.Repeat when last is not null:
                    Emit(last.Value.Line);
                    events.Add((line, last.Value.Event));
                    break;
                default:
                    var text = (item.Kind == LineKind.PaddedToLimit ? Damages.PadTo(plan.Csv, input, limit) : null)
                        ?? Damages.Render(plan.Csv, input, _ => { })!;
                    Emit(text);
                    events.Add((line, good.Expected));
                    last = (text, good.Expected);
                    break;
            }
        }

        if (!plan.FinalNewline && line > 0 && !lastContentEmpty)
        {
            bytes.RemoveAt(bytes.Count - 1);
            if (bytes.Count > 0 && bytes[^1] == '\r')
            {
                bytes.RemoveAt(bytes.Count - 1);
            }
        }

        return new EventFile { Content = [.. bytes], Events = events, Damaged = damaged, BlankLines = blank, HeaderLine = header, Lines = line };
    }
}
