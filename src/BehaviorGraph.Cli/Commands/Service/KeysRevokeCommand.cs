using System.ComponentModel;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Security;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>
/// Revokes an API key named by the key itself, its name, or a prefix of its hash (as <c>keys list</c> shows). A
/// running service refuses it within 30 seconds (its key cache); the row stays, marked revoked, for the record.
/// </summary>
internal sealed class KeysRevokeCommand : AsyncCommand<KeysRevokeCommand.Settings>
{
    private const int MinimumPrefix = 8;

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<KEY>")]
        [Description("The key itself, its name, or at least 8 leading characters of its hash (see keys list).")]
        public string Key { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var given = settings.Key.Trim();
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var keys = await store.ApiKeys.ListAsync(cancellationToken);
        var hashOfGiven = ApiKeys.Hash(given);
        var matches = keys.Where(k => k.Hash == hashOfGiven).ToList();
        if (matches.Count == 0)
        {
            matches = keys.Where(k => string.Equals(k.Name, given, StringComparison.Ordinal)).ToList();
        }

        if (matches.Count == 0 && given.Length >= MinimumPrefix)
        {
            matches = keys.Where(k => k.Hash.StartsWith(given, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var key = matches.Count switch
        {
            0 => throw new UserFacingException(
                $"No API key matches '{given}' as a key, a name or a hash prefix of at least {MinimumPrefix} characters; `bgraph keys list` shows them."),
            1 => matches[0],
            _ => throw new UserFacingException(
                $"'{given}' matches {matches.Count} keys ({string.Join(", ", matches.Select(k => $"{k.Name} {k.Hash[..KeyRoles.HashPrefixLength]}"))}); give a longer hash prefix."),
        };

        if (!key.IsActive)
        {
            throw new UserFacingException($"API key '{key.Name}' ({key.Hash[..KeyRoles.HashPrefixLength]}) was already revoked at {key.RevokedAt:u}.");
        }

        var at = DateTimeOffset.UtcNow;
        if (!await store.ApiKeys.RevokeAsync(key.Hash, at, cancellationToken))
        {
            throw new UserFacingException($"API key '{key.Name}' was revoked by someone else meanwhile.");
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { name = key.Name, role = KeyRoles.NameOf(key.Role), hashPrefix = key.Hash[..KeyRoles.HashPrefixLength], revokedAt = at });
        }
        else
        {
            Console.Error.WriteLine($"bgraph: revoked {KeyRoles.NameOf(key.Role)} key '{TerminalText.Escape(key.Name)}' ({key.Hash[..KeyRoles.HashPrefixLength]}); a running service refuses it within 30 s.");
        }

        return ExitCodes.Ok;
    }
}
