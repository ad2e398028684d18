namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>A failure the user can act on; its message is printed as is, without a stack trace.</summary>
public sealed class UserFacingException : Exception
{
    public UserFacingException(string message)
        : base(message)
    {
    }

    public UserFacingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UserFacingException()
    {
    }
}
