namespace BehaviorGraph.Synthetic.Simulation;

internal enum EventKind : byte
{
    Signup,
    Login,
    Post,
    Follow,
    Message,
    Report,
    Rate,
    Like,
    Comment,
    Share,
    View,
}
