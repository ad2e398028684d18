using System.Diagnostics;
using System.Globalization;

namespace BehaviorGraph.Testing;

/// <summary>
/// A small tmpfs mounted for one test, to make a volume full or read-only on purpose. Needs Linux and root; where it
/// cannot mount, <see cref="TryCreate"/> says why, so the test can skip with that reason.
/// </summary>
public sealed class ScratchVolume : IDisposable
{
    private ScratchVolume(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Mounts a tmpfs of <paramref name="sizeBytes"/>; null with <paramref name="whyNot"/> when that is impossible here.</summary>
    public static ScratchVolume? TryCreate(long sizeBytes, out string whyNot)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            whyNot = "mounting a tmpfs needs Linux and root";
            return null;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bg-volume-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes.ToString(CultureInfo.InvariantCulture)},mode=0777", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            whyNot = $"mount -t tmpfs failed here ({output.Trim()})";
            return null;
        }

        whyNot = "";
        return new ScratchVolume(path);
    }

    /// <summary>Remounts read-only or read-write, optionally with a new size (tmpfs keeps its files).</summary>
    public void Remount(bool readOnly, long? sizeBytes = null)
    {
        var options = (readOnly ? "remount,ro" : "remount,rw") + (sizeBytes is { } size ? ",size=" + size.ToString(CultureInfo.InvariantCulture) : "");
        var (code, output) = Run("mount", "-o", options, Path);
        if (code != 0)
        {
            throw new InvalidOperationException($"mount -o {options} {Path} failed: {output.Trim()}");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
