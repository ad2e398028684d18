using System.Collections.Frozen;
using System.Security.Cryptography;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// The console's files, embedded in this assembly (resources named <c>console/…</c>, from <c>AnalystConsole/Assets</c>),
/// so <c>bgraph serve</c> serves them wherever it runs with no build or install step. Answers carry an entity tag
/// (a 304 for a browser that has the file), <c>Cache-Control: no-cache</c> (always revalidated, so a new version is
/// seen at once) and gzip or Brotli when the browser accepts it.
/// </summary>
internal sealed class ConsoleAssets
{
    private const string Prefix = "console/";
    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var relative = path[Prefix.Length..];
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..20] + "\"";
            assets[relative] = new ConsoleAsset(relative, content, ContentTypeOf(relative), etag);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<ConsoleAsset> All => _assets.Values;

    public ConsoleAsset? Find(string path) => _assets.GetValueOrDefault(path);

    public static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "text/plain; charset=utf-8",
    };
}
