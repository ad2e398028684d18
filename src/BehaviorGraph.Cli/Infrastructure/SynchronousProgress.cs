namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so a progress bar sees every stage in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
