using System.ComponentModel;
using System.Text.Json.Serialization;

namespace BehaviorGraph.Api.Contracts;

/// <summary>One event of a <c>POST /v1/events</c> body, as in event files (this type documents the body; the ingest reader reads it).</summary>
public sealed record EventRecord(
    [property: JsonPropertyName("event_id"), Description("Unique id; derived from the row's content when absent.")] string? EventId,
    [property: JsonPropertyName("ts"), Description("ISO-8601 with an offset or Z, or Unix epoch seconds.")] string Ts,
    [property: JsonPropertyName("type"), Description("signup, login, post, follow, message, report, rate, like, comment, share, view, or another type (kept and counted).")] string Type,
    [property: JsonPropertyName("actor"), Description("The account that acted.")] string Actor,
    [property: JsonPropertyName("target"), Description("The account or content acted on, by type.")] string? Target,
    [property: JsonPropertyName("target_kind"), Description("account or content; default from the type.")] string? TargetKind,
    [property: JsonPropertyName("value"), Description("A number; for rate required, −10..10.")] double? Value,
    [property: JsonPropertyName("device"), Description("A device the actor acted from.")] string? Device,
    [property: JsonPropertyName("ip"), Description("An IP address the actor acted from.")] string? Ip);
