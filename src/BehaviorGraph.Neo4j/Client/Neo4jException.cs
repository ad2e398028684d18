using System.Net;

namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// Neo4j refused a statement. <see cref="Code"/> is Neo4j's status code (e.g.
/// <c>Neo.ClientError.Statement.SyntaxError</c>), or <c>HTTP nnn</c> when the server answered without one.
/// </summary>
public sealed class Neo4jException : Exception
{
    public const string TransientPrefix = "Neo.TransientError.";

    public Neo4jException()
        : this("Neo.Unknown", "Neo4j failed without saying why.")
    {
    }

    public Neo4jException(string message)
        : this("Neo.Unknown", message)
    {
    }

    public Neo4jException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Neo.Unknown";
        Neo4jMessage = message;
    }

    public Neo4jException(string code, string neo4jMessage, HttpStatusCode? statusCode = null)
        : base($"Neo4j refused the statement: {code}: {neo4jMessage}")
    {
        Code = code;
        Neo4jMessage = neo4jMessage;
        StatusCode = statusCode;
    }

    public string Code { get; }

    /// <summary>The message as Neo4j wrote it.</summary>
    public string Neo4jMessage { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Neo4j says retrying later may succeed (deadlocks, leader switches, memory limits).</summary>
    public bool IsTransient => Code.StartsWith(TransientPrefix, StringComparison.Ordinal);
}
