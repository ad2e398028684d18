namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>The sign-in form's body: an analyst or admin API key.</summary>
public sealed record SignInRequest(string? Key);
