using Microsoft.Playwright;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright through <c>ExecutablePath</c> (no browser download), with the flags that work
/// on these machines and a fresh profile per browser.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        File.Exists(Path) ? null : $"{Path} is not installed (apt-get install -y chromium; .ci/run does), so the browser tests cannot run here.";

    /// <summary>A browser with an empty profile (deleted with the returned session) and one page at <paramref name="baseUrl"/>'s origin.</summary>
    public static async Task<BrowserSession> OpenAsync(Uri baseUrl)
    {
        var profile = new TempDirectory();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Path,
                Headless = true,
                Args = Flags,
                BaseURL = baseUrl.ToString(),
                ViewportSize = new ViewportSize { Width = 1440, Height = 960 },
                Timeout = 60_000,
            });
            context.SetDefaultTimeout(60_000);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new BrowserSession(playwright, context, page, profile);
        }
        catch
        {
            playwright.Dispose();
            profile.Dispose();
            throw;
        }
    }
}
