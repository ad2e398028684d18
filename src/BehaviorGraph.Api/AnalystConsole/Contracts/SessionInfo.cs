namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// The console's session as the browser sees it: whether it is signed in, as which key name and role, until when, and
/// the antiforgery token its state-changing requests must send in the <c>RequestVerificationToken</c> header.
/// </summary>
public sealed record SessionInfo(bool SignedIn, string? Name, string? Role, DateTimeOffset? ExpiresAt, string Antiforgery);
