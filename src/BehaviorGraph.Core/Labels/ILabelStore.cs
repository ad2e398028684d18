namespace BehaviorGraph.Core.Labels;

public interface ILabelStore
{
    Task AddAsync(IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken);

    /// <summary>The newest label of every labelled account.</summary>
    Task<IReadOnlyList<AccountLabel>> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>Every label an account received, newest first.</summary>
    Task<IReadOnlyList<AccountLabel>> GetForAccountAsync(string account, CancellationToken cancellationToken);
}
