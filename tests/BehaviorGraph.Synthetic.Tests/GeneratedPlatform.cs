namespace BehaviorGraph.Synthetic.Tests;

/// <summary>One generated platform with the default options (3,000 accounts) shared by the tests that read its files.</summary>
public sealed class GeneratedPlatform : GeneratedFiles, IDisposable
{
    public const int Accounts = 3_000;

    public GeneratedPlatform()
        : this(Path.Combine(Path.GetTempPath(), "bg-synthetic-" + Path.GetRandomFileName()))
    {
    }

    private GeneratedPlatform(string directory)
        : base(SyntheticPlatform.Generate(new SyntheticOptions(Accounts, Seed: 7), directory))
    {
        Directory = directory;
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
