using System.Net;

namespace BehaviorGraph.Neo4j.Tests.Support;

internal sealed record ScriptedResponse(HttpStatusCode Status, string Body, TimeSpan Delay = default);
