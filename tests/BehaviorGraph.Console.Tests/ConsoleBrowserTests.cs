using BehaviorGraph.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BehaviorGraph.Console.Tests;

/// <summary>
/// The analyst console in a real Chromium against a real <c>bgraph serve</c> on the demo's SQLite store: sign-in and
/// sign-out, the queue, a ring's picture, an account's picture growing and shrinking, a verdict reaching the
/// <c>labels</c> table, and an attacker's markup shown as text.
/// </summary>
[Collection(DemoConsoleCollection.Name)]
public sealed class ConsoleBrowserTests(DemoConsole demo, ITestOutputHelper output)
{
    private const string SessionCookie = "bgraph_session";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [SkippableFact]
    public async Task SignIn_WithAnAnalystKey_ShowsTheQueue_WithAnHttpOnlyStrictCookie_AndTheKeyNowhereInThePage()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await browser.SignInAsync(demo.Server.AnalystKey);

        await page.WaitForSelectorAsync("#queue tbody tr");
        Assert.EndsWith("/queue", page.Url, StringComparison.Ordinal);
        Assert.Contains(demo.Server.AnalystName, await page.TextContentAsync("#who-name"), StringComparison.Ordinal);
        var rows = await page.Locator("#queue tbody tr").CountAsync();
        Assert.True(rows > 0, "the queue shows no account after the demo");
        Assert.Equal(rows, await page.Locator("#queue tbody tr .verdict.abusive").CountAsync());

        var cookie = Assert.Single(await browser.Context.CookiesAsync(), c => c.Name == SessionCookie);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "the session cookie has no expiry");
        Assert.DoesNotContain(demo.Server.AnalystKey, cookie.Value, StringComparison.Ordinal);
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie, location.href, document.documentElement.outerHTML])");
        Assert.DoesNotContain(demo.Server.AnalystKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Server.AnalystKey, demo.Server.Log, StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf("queue.png") });
        AssertPng(Screenshots.PathOf("queue.png"));
    }

    [SkippableFact]
    public async Task SignIn_WithAnUnknownKey_IsRefused_WithAClearMessage()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.FillAsync("#key", "bg_this-key-was-never-made");
        await page.ClickAsync("form.sign-in button[type=submit]");

        var error = await page.WaitForSelectorAsync("#sign-in-error .notice");
        Assert.Contains("unknown or revoked", await error!.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.IsHiddenAsync("#nav"));
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == SessionCookie);
    }

    [SkippableFact]
    public async Task SignIn_WithAnEnforcementKey_IsRefused_SayingTheConsoleNeedsAnAnalystKey()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.FillAsync("#key", demo.Server.EnforcementKey);
        await page.ClickAsync("form.sign-in button[type=submit]");

        var error = await page.WaitForSelectorAsync("#sign-in-error .notice");
        Assert.Contains("enforcement key; the console needs an analyst or admin key", await error!.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.IsHiddenAsync("#nav"));
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/v1/review-queue')).status"));
    }

    [SkippableFact]
    public async Task RingPage_DrawsEveryMember_AndTheSharedIdentifiers_OnACanvas()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await browser.SignInAsync(demo.Server.AnalystKey);
        await page.GotoAsync($"/clusters/{demo.Ring}");

        var graph = await page.WaitForSelectorAsync("#graph[data-drawn=true]");
        var members = await page.EvaluateAsync<int>($"async () => (await (await fetch('/v1/clusters/{demo.Ring}/members')).json()).length");
        Assert.True(members >= 3, $"{demo.Ring} has {members} members");
        Assert.Equal(members.ToString(System.Globalization.CultureInfo.InvariantCulture), await graph!.GetAttributeAsync("data-members"));
        Assert.Equal(members, await page.EvaluateAsync<int>("() => document.getElementById('graph').cy.nodes('[kind = \"account\"]').filter(n => n.renderedBoundingBox().w > 0).length"));
        Assert.True(await page.Locator("#graph canvas").CountAsync() > 0, "the picture has no canvas");
        var painted = await page.EvaluateAsync<int>("""
            () => {
              // Cytoscape paints on layered canvases; count the pixels any of them painted.
              let n = 0;
              for (const canvas of document.querySelectorAll('#graph canvas')) {
                if (canvas.width === 0 || canvas.height === 0) continue;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
              }
              return n;
            }
            """);
        Assert.True(painted > 1000, $"the canvas has {painted} painted pixels");
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("#evidence")));
        Assert.True(await page.Locator("#members tbody tr, section table tbody tr[data-account]").CountAsync() >= members);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf("ring.png"), FullPage = false });
        AssertPng(Screenshots.PathOf("ring.png"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var csvPath = Path.Combine(Path.GetTempPath(), $"bgraph-members-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(csvPath);
        var lines = await File.ReadAllLinesAsync(csvPath);
        File.Delete(csvPath);
        Assert.Equal(members + 1, lines.Length);

        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var pngPath = Path.Combine(Path.GetTempPath(), $"bgraph-ring-{Guid.NewGuid():N}.png");
        await png.SaveAsAsync(pngPath);
        AssertPng(pngPath);
        File.Delete(pngPath);
    }

    [SkippableFact]
    public async Task AccountPage_ExpandsAClickedNode_ThenUndo_AndCollapse_TakeItBack()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await browser.SignInAsync(demo.Server.AnalystKey);
        await page.GotoAsync($"/accounts/{demo.RingMember}");
        var picture = page.Locator("#neighbourhood[data-drawn=true]");
        await picture.WaitForAsync();
        var before = int.Parse((await picture.GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before > 1, "the first picture holds only the account");

        await ClickNeighbourAsync(page);
        await WaitForExpansionsAsync(page, 1);
        var grown = int.Parse((await picture.GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(grown > before, $"expanding a neighbour added no node ({before} → {grown})");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf("account.png") });
        AssertPng(Screenshots.PathOf("account.png"));

        await page.ClickAsync("#undo");
        await WaitForExpansionsAsync(page, 0);
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), await picture.GetAttributeAsync("data-nodes"));
        Assert.True(await page.IsDisabledAsync("#undo"));

        await ClickNeighbourAsync(page);
        await WaitForExpansionsAsync(page, 1);
        await page.ClickAsync("#collapse");
        await WaitForExpansionsAsync(page, 0);
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), await picture.GetAttributeAsync("data-nodes"));
    }

    [SkippableFact]
    public async Task Verdict_OnAnAccountPage_GoesThroughTheLabelsApi_IntoTheLabelsTable_AndShowsAtOnce()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await browser.SignInAsync(demo.Server.AnalystKey);
        await page.GotoAsync($"/accounts/{demo.RingMember}");
        await page.WaitForSelectorAsync("#label-history");
        var note = $"browser test {Guid.NewGuid():N}";
        await page.FillAsync(".side .verdicts input.note", note);

        var posted = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(".side .verdicts button.verdict.abusive"),
            r => r.Url.EndsWith("/v1/labels", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(201, posted.Status);
        await page.Locator("#label-history td", new PageLocatorOptions { HasText = note }).WaitForAsync();

        using var store = demo.OpenStore();
        using var command = store.CreateCommand();
        command.CommandText = "SELECT account, label, source, analyst FROM labels WHERE note = $note";
        command.Parameters.AddWithValue("$note", note);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the verdict is not in the labels table");
        Assert.Equal(demo.RingMember, reader.GetString(0));
        Assert.Equal(1, reader.GetInt32(1));
        Assert.Equal(demo.Server.AnalystName, reader.GetString(3));
        Assert.False(reader.Read(), "one click wrote two labels");
    }

    [SkippableFact]
    public async Task AttackerMarkup_InAnAccountIdAndADeviceName_IsShownAsText_AndRunsNothing()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await browser.SignInAsync(demo.Server.AnalystKey);
        await page.GotoAsync("/accounts/" + Uri.EscapeDataString(DemoConsole.AttackerAccount));

        await page.WaitForSelectorAsync("#neighbourhood[data-drawn=true]");
        Assert.Equal(DemoConsole.AttackerAccount, await page.TextContentAsync("#account-id"));
        Assert.Contains(DemoConsole.AttackerAccount, await page.TitleAsync() + await page.TextContentAsync("h1"), StringComparison.Ordinal);
        var nodes = await page.EvaluateAsync<string[]>("() => document.getElementById('neighbourhood').cy.nodes().map(n => n.data('key'))");
        Assert.Contains(DemoConsole.AttackerDevice, nodes);

        // Tapping the device shows its name in the side panel; the ring member's page lists the attacker as a neighbour.
        await page.EvaluateAsync("key => { const cy = document.getElementById('neighbourhood').cy; cy.nodes().filter(n => n.data('key') === key).emit('tap'); }", DemoConsole.AttackerDevice);
        await page.Locator("#selection", new PageLocatorOptions { HasText = DemoConsole.AttackerDevice }).WaitForAsync();
        await page.GotoAsync($"/accounts/{demo.RingMember}");
        await page.WaitForSelectorAsync("#neighbourhood[data-drawn=true]");
        await page.WaitForTimeoutAsync(500);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=\"x\"], script:not([src]), [onerror]').length"));
        Assert.Empty(dialogs);
    }

    [SkippableFact]
    public async Task SignOut_EndsTheSession_InTheBrowserAndOnTheServer()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        await using var browser = await Chromium.OpenAsync(demo.Server.Address);
        var page = browser.Page;
        await browser.SignInAsync(demo.Server.AnalystKey);
        var session = Assert.Single(await browser.Context.CookiesAsync(), c => c.Name == SessionCookie);
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/v1/review-queue?limit=1')).status"));

        await page.ClickAsync("#sign-out");
        await page.Locator(".sign-in", new PageLocatorOptions { HasText = "Signed out." }).WaitForAsync();
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == session.Name);
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/v1/review-queue?limit=1')).status"));

        // The old cookie, replayed, is dead on the server too.
        using var http = new HttpClient { BaseAddress = demo.Server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/review-queue?limit=1");
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        using var replayed = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    /// <summary>Clicks, with the mouse, the first neighbour of the account that is not expanded yet, where it is drawn.</summary>
    private async Task ClickNeighbourAsync(IPage page)
    {
        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const container = document.getElementById('neighbourhood');
              container.scrollIntoView({ block: 'center' });
              const cy = container.cy;
              const box = container.getBoundingClientRect();
              const node = cy.nodes('[kind = "account"]').filter(n => !n.hasClass('expanded') && !n.hasClass('focus'))
                .sort((a, b) => a.degree() - b.degree()).last();
              cy.center(node);
              const p = node.renderedPosition();
              return [box.left + p.x, box.top + p.y];
            }
            """);
        output.WriteLine($"clicking a neighbour at {point[0]:0},{point[1]:0}");
        // Arrive at the node as a hand would, so the canvas sees a fresh pointer position before the press.
        await page.Mouse.MoveAsync((float)point[0] - 40, (float)point[1] - 40);
        await page.Mouse.MoveAsync((float)point[0], (float)point[1], new MouseMoveOptions { Steps = 4 });
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    /// <summary>Waits until the account picture has <paramref name="expansions"/> expansions, saying what the page shows if it never does.</summary>
    private static async Task WaitForExpansionsAsync(IPage page, int expansions)
    {
        try
        {
            await page.WaitForSelectorAsync($"#neighbourhood[data-expansions='{expansions}']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var status = await page.TextContentAsync("#graph-status");
            throw new Xunit.Sdk.XunitException($"the picture never reached {expansions} expansion(s); it says: {status}");
        }
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} is {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
    }
}
