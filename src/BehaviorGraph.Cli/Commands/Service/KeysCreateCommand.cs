using System.ComponentModel;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Security;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>Creates an API key, stores only its SHA-256 and prints the key once.</summary>
internal sealed class KeysCreateCommand : AsyncCommand<KeysCreateCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--role <ROLE>")]
        [Description("enforcement (risk lookups), analyst (+ clusters, queries, labels) or admin (+ jobs, dashboard, events, metrics).")]
        public string Role { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("A name for people and logs (never the key).")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            KeyRoles.Parse(Role) is null
                ? ValidationResult.Error($"--role must be enforcement, analyst or admin{(Role.Length == 0 ? "" : $"; got '{Role}'")}.")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var role = KeyRoles.Parse(settings.Role)!.Value;
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var key = ApiKeys.NewKey();
        var hash = ApiKeys.Hash(key);
        var name = string.IsNullOrWhiteSpace(settings.Name) ? $"{settings.Role.ToLowerInvariant()}-{hash[..8]}" : settings.Name.Trim();
        await store.ApiKeys.AddAsync(new ApiKeyInfo(hash, role, name, DateTimeOffset.UtcNow, null), cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { key, role = KeyRoles.NameOf(role), name, hashPrefix = hash[..KeyRoles.HashPrefixLength], store = store.Description });
        }
        else
        {
            Console.WriteLine(key);
            Console.Error.WriteLine($"bgraph: created {KeyRoles.NameOf(role)} key '{TerminalText.Escape(name)}' in {TerminalText.Escape(store.Description)}; it is shown only this once.");
        }

        return ExitCodes.Ok;
    }
}
