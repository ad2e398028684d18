namespace BehaviorGraph.Cli.Infrastructure;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary><c>ingest --strict</c> finished, but rows were quarantined.</summary>
    public const int Quarantined = 3;

    public const int Cancelled = 130;
}
