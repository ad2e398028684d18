using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Core.Tests.Events;

public sealed class EventTypesTests
{
    [Theory]
    [InlineData("follow", TargetKind.Account)]
    [InlineData("rate", TargetKind.Account)]
    [InlineData("like", TargetKind.Content)]
    [InlineData("post", TargetKind.Content)]
    [InlineData("login", TargetKind.None)]
    [InlineData("teleport", TargetKind.Account)]
    public void DefaultTargetKind_FollowsTheContract(string type, TargetKind expected) =>
        Assert.Equal(expected, EventTypes.DefaultTargetKind(type));

    [Fact]
    public void OnlyKnownTypesOtherThanSignupAndLogin_RequireATarget()
    {
        Assert.All(EventTypes.Known.Where(t => t is not (EventTypes.Signup or EventTypes.Login)), t => Assert.True(EventTypes.RequiresTarget(t), t));
        Assert.False(EventTypes.RequiresTarget(EventTypes.Login));
        Assert.False(EventTypes.RequiresTarget("teleport"));
        Assert.True(EventTypes.IsTargetless(EventTypes.Signup));
    }
}
