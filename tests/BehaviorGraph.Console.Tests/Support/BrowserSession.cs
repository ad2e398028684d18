using Microsoft.Playwright;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>One browser (its own profile) and its page; closing it closes the browser and deletes the profile.</summary>
public sealed class BrowserSession(IPlaywright playwright, IBrowserContext context, IPage page, TempDirectory profile) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>Opens the console and signs in with <paramref name="key"/> through the form; returns when the queue shows.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GotoAsync("/");
        await Page.FillAsync("#key", key);
        await Page.ClickAsync("form.sign-in button[type=submit]");
        await Page.WaitForSelectorAsync("#who:not([hidden])");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        profile.Dispose();
    }
}
