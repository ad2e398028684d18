namespace BehaviorGraph.Core.Events;

/// <summary>
/// The event-type vocabulary of the public event contract. Types outside it are kept and counted,
/// never rejected; they default to an account target when a target is given.
/// </summary>
public static class EventTypes
{
    public const string Signup = "signup";
    public const string Login = "login";
    public const string Post = "post";
    public const string Follow = "follow";
    public const string Message = "message";
    public const string Report = "report";
    public const string Rate = "rate";
    public const string Like = "like";
    public const string Comment = "comment";
    public const string Share = "share";
    public const string View = "view";

    /// <summary>Every known type, in the order the README documents them.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Signup, Login, Post, Follow, Message, Report, Rate, Like, Comment, Share, View];

    public static bool IsKnown(string type) => DefaultTargetKindOrNull(type) is not null;

    /// <summary>Whether the type names an actor acting alone (no target allowed).</summary>
    public static bool IsTargetless(string type) => type is Signup or Login;

    /// <summary>Whether the type cannot be understood without a target.</summary>
    public static bool RequiresTarget(string type) => IsKnown(type) && !IsTargetless(type);

    /// <summary>The target kind a type implies when the row leaves <c>target_kind</c> empty.</summary>
    public static TargetKind DefaultTargetKind(string type) => DefaultTargetKindOrNull(type) ?? TargetKind.Account;

    private static TargetKind? DefaultTargetKindOrNull(string type) => type switch
    {
        Signup or Login => TargetKind.None,
        Follow or Message or Report or Rate => TargetKind.Account,
        Post or Like or Comment or Share or View => TargetKind.Content,
        _ => null,
    };
}
