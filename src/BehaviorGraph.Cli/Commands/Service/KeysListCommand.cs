using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>Lists API keys by name, role and hash prefix; the keys themselves are never stored, so never shown.</summary>
internal sealed class KeysListCommand : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var keys = await store.ApiKeys.ListAsync(cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(keys.Select(k => new
            {
                name = k.Name, role = KeyRoles.NameOf(k.Role), hashPrefix = k.Hash[..KeyRoles.HashPrefixLength],
                createdAt = k.CreatedAt, revokedAt = k.RevokedAt, active = k.IsActive,
            }));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("name", "role", "hash prefix", "created (UTC)", "revoked (UTC)");
        foreach (var key in keys)
        {
            table.AddRow(
                TerminalText.Markup(key.Name), KeyRoles.NameOf(key.Role), key.Hash[..KeyRoles.HashPrefixLength],
                Utc(key.CreatedAt), key.RevokedAt is { } at ? Utc(at) : "—");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{keys.Count(k => k.IsActive)} active, {keys.Count(k => !k.IsActive)} revoked.");
        return ExitCodes.Ok;
    }

    private static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
