namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Linked-identity detection: components of the account–device–IP graph.</summary>
public sealed record IdentityOptions
{
    /// <summary>A device seen with more accounts than this is shared infrastructure (kiosk, emulator default id) and links nobody.</summary>
    public int MaxAccountsPerDevice { get; init; } = 50;

    /// <summary>An IP seen with more accounts than this is carrier NAT or public Wi-Fi and links nobody.</summary>
    public int MaxAccountsPerIp { get; init; } = 50;

    /// <summary>Smallest component reported as a cluster.</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>Component size at which the size part of the score saturates.</summary>
    public int SizeSaturation { get; init; } = 32;
}
