using System.Text.Json;
using System.Text.Json.Serialization;

namespace BehaviorGraph.Api.Contracts;

/// <summary>
/// Serialization metadata generated at build time for the enforcement lookups' answers, first in the service's JSON
/// resolver chain: the hottest responses are written without reflection. Every other type falls through to the
/// reflection-based resolver; the service's JSON settings (web defaults, enums as camel-case strings, named
/// floating-point literals) apply to both.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RiskResponse))]
[JsonSerializable(typeof(BatchRiskResponse))]
internal sealed partial class LookupJsonContext : JsonSerializerContext;
