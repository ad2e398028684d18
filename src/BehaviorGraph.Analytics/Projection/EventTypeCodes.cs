using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>One byte per event type: the index in <see cref="EventTypes.Known"/>, or <see cref="Other"/>.</summary>
internal static class EventTypeCodes
{
    public const byte Signup = 0;
    public const byte Login = 1;
    public const byte Post = 2;
    public const byte Follow = 3;
    public const byte Message = 4;
    public const byte Report = 5;
    public const byte Rate = 6;
    public const byte Like = 7;
    public const byte Comment = 8;
    public const byte Share = 9;
    public const byte View = 10;
    public const byte Other = 11;

    /// <summary>Codes 0..Count-1 (the known types, then Other).</summary>
    public const int Count = 12;

    public static byte Of(string type) => type switch
    {
        EventTypes.Signup => Signup,
        EventTypes.Login => Login,
        EventTypes.Post => Post,
        EventTypes.Follow => Follow,
        EventTypes.Message => Message,
        EventTypes.Report => Report,
        EventTypes.Rate => Rate,
        EventTypes.Like => Like,
        EventTypes.Comment => Comment,
        EventTypes.Share => Share,
        EventTypes.View => View,
        _ => Other,
    };

    public static string NameOf(byte code) => code < Other ? EventTypes.Known[code] : "other";

    /// <summary>Engagement types the lockstep detector reads.</summary>
    public static bool IsEngagement(byte code) => code is Like or Share or View or Follow or Comment;
}
