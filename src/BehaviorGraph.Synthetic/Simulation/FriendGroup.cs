namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A planted hard negative: benign friends who follow, message and like each other densely and honestly.</summary>
internal sealed class FriendGroup(string id, int[] members, bool joinedTogether, int signupDays)
{
    public string Id { get; } = id;

    public int[] Members { get; } = members;

    /// <summary>The friends signed up together (one invited the others) within <see cref="SignupDays"/> days.</summary>
    public bool JoinedTogether { get; } = joinedTogether;

    public int SignupDays { get; } = signupDays;

    public double Density { get; set; }
}
