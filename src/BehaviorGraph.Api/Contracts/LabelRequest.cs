using System.ComponentModel;

namespace BehaviorGraph.Api.Contracts;

/// <summary>
/// An analyst's verdict on an account. Who gave it is the API key's name: a body naming an <c>analyst</c> is refused.
/// </summary>
public sealed record LabelRequest(
    [property: Description("The account key, as in events (at most 256 characters, no control characters).")] string? Account,
    [property: Description("abusive or benign.")] string? Label,
    [property: Description("Why (optional; at most 2,000 characters, no control or bidi-override characters).")] string? Note);
