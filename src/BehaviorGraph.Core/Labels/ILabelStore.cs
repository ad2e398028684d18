namespace BehaviorGraph.Core.Labels;

public interface ILabelStore
{
    Task AddAsync(IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a labels file's labels and records the file by <paramref name="contentHash"/>, in one transaction, unless
    /// a file of that content was imported before: then nothing is added and the earlier record is returned (with
    /// <see cref="LabelFileImport.Imported"/> false). Of concurrent imports of one content, exactly one adds its labels.
    /// </summary>
    Task<LabelFileImport> ImportFileAsync(string contentHash, string source, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken);

    /// <summary>The newest label of every labelled account.</summary>
    Task<IReadOnlyList<AccountLabel>> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>Every label an account received, newest first.</summary>
    Task<IReadOnlyList<AccountLabel>> GetForAccountAsync(string account, CancellationToken cancellationToken);
}
