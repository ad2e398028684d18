using Microsoft.AspNetCore.Authentication;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>Registers the console's session scheme, sessions and files, and its guard in the pipeline.</summary>
internal static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console's cookie scheme beside the API-key scheme, and the scheme that picks between them per request
    /// (<see cref="ConsoleSessionHandler.Select"/>): the header when there is one, so API clients authenticate exactly
    /// as before.
    /// </summary>
    public static AuthenticationBuilder AddConsoleSession(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<ConsoleSessions>();
        authentication.Services.AddSingleton<ConsoleAssets>();
        authentication.Services.AddHostedService<ConsoleAssetWarmup>();
        return authentication
            .AddScheme<AuthenticationSchemeOptions, ConsoleSessionHandler>(ConsoleSessionHandler.SchemeName, null)
            .AddPolicyScheme(ConsoleSessionHandler.SelectingSchemeName, null, scheme => scheme.ForwardDefaultSelector = ConsoleSessionHandler.Select);
    }

    public static IApplicationBuilder UseConsoleRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<ConsoleRequestGuard>();
}
