namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>One timed run over <paramref name="Rows"/> rows: wall seconds and, where the system says, CPU seconds.</summary>
internal sealed record BenchFigure(string Name, long Rows, double Seconds, double? CpuSeconds)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    public string CpuText => CpuSeconds is { } cpu ? cpu.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
