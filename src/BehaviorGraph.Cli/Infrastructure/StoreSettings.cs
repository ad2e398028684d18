using System.ComponentModel;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>The options every store-backed command shares.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--store <STORE>")]
    [Description("Store address: sqlite:PATH or postgres:CONNECTION-STRING. Default: $BEHAVIORGRAPH_STORE, then appsettings.json BehaviorGraph:Store, then sqlite:./data/behaviorgraph.db.")]
    public string? Store { get; init; }

    [CommandOption("--json")]
    [Description("Write machine-readable JSON to standard output instead of tables.")]
    public bool Json { get; init; }
}
