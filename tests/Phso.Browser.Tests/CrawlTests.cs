using System.Text.RegularExpressions;

namespace Phso.Browser.Tests;

/// <summary>
/// For each role, and for the public: sign in through the page, then visit every page reachable by following links
/// from the home page and the service navigation (up to <see cref="VisitsPerPattern"/> of each kind), checking each
/// for its status, console errors and failed requests. Each page template (a route with its ids taken out) is checked
/// in full with <see cref="PageChecks"/> (axe, reflow, the HTML checker) once, by the first role to reach it; the other
/// roles' visits to it are not checked with axe again because the same template has been, and each role's home page is
/// checked in full because it carries that role's navigation. New modules' pages join the crawl simply by being linked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CrawlTests(BrowserHost host)
{
    // Each template is checked in full (axe, reflow, HTML) once per run; further visits catch pages that fail only with
    // some data (a status, an empty list). Six per role (twelve until the recommendations pages doubled the instances)
    // keeps the browser run within CI's time budget; the integration tests reach each status's page on their own.
    private const int VisitsPerPattern = 6;
    private const int MaxPagesPerRole = 400;

    /// <summary>The templates checked in full so far in this run, and by which role (the roles' crawls run one after another).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CheckedInFull = new(StringComparer.Ordinal);

    public static TheoryData<string> Everyone() => ["Public", .. Roles.Accounts.Keys];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_page_a_role_can_reach_is_accessible_and_error_free(string role)
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        if (role != "Public")
        {
            await Roles.SignInAsync(page, Roles.Accounts[role]);
        }

        var problems = new List<string>();
        var visited = new List<string>();
        var perPattern = new Dictionary<string, int>();
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(["/"]);
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var path = queue.Dequeue();
            var pattern = Pattern(path);
            if (perPattern.GetValueOrDefault(pattern) >= VisitsPerPattern)
            {
                continue;
            }

            perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
            visited.Add(path);
            var inFull = path == "/" || CheckedInFull.TryAdd(pattern, role);
            problems.AddRange(await checks.VisitAsync(path, role, runAxe: inFull));
            foreach (var link in await LinksAsync(page, "a[href]:not([download])"))
            {
                if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }

            foreach (var download in await LinksAsync(page, "a[href][download]"))
            {
                if (seen.Add(download) && perPattern.GetValueOrDefault(Pattern(download)) < VisitsPerPattern)
                {
                    perPattern[Pattern(download)] = perPattern.GetValueOrDefault(Pattern(download)) + 1;
                    problems.AddRange(await DownloadProblemsAsync(page, download, role));
                }
            }
        }

        problems.AddRange(await checks.Html.ErrorsAsync());
        Console.WriteLine($"{role}: {visited.Count} pages of {perPattern.Count} templates visited, {checks.Html.Count} of them checked in full (axe, at {PageChecks.ReflowWidth}px and by the HTML checker); the other templates were checked in full for another role");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited.Count} pages:\n{string.Join("\n", problems)}\nScreenshots: {BrowserHost.ScreenshotFolder}");
        Assert.True(visited.Count >= (role == "Public" ? 4 : 6), $"Only {visited.Count} pages were reachable for {role}: {string.Join(", ", visited)}");
    }

    /// <summary>A download link is fetched with the page's cookies rather than navigated to: it must answer, as an
    /// attachment.</summary>
    private static async Task<IEnumerable<string>> DownloadProblemsAsync(Microsoft.Playwright.IPage page, string path, string role)
    {
        var response = await page.APIRequest.GetAsync(path);
        var disposition = response.Headers.GetValueOrDefault("content-disposition") ?? "";
        return response.Status >= 400 ? [$"{role} {path}: download answered {response.Status}"]
            : !disposition.StartsWith("attachment", StringComparison.Ordinal) ? [$"{role} {path}: download is not sent as an attachment ({disposition})"]
            : [];
    }

    /// <summary>Same-origin links on the page matching <paramref name="selector"/>, as path and query.</summary>
    private async Task<IEnumerable<string>> LinksAsync(Microsoft.Playwright.IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        var origin = new Uri(host.BaseUrl);
        return hrefs
            .Select(h => Uri.TryCreate(h, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == origin.Scheme && u.Authority == origin.Authority)
            .Select(u => u.PathAndQuery)
            .Distinct();
    }

    /// <summary>Pages that differ only by an id, a reference (PHSO-2026-0001), a code or a page number, or by the values
    /// of their query string, count as one template: any path segment with a digit in it is taken for an id.</summary>
    private static string Pattern(string path)
    {
        var (route, query) = path.Split('?', 2) is [var r, var q] ? (r, q) : (path, "");
        var keys = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return Ids().Replace(route, "{id}") + "?" + keys;
    }

    [GeneratedRegex("(?<=/)[^/]*[0-9][^/]*(?=/|$)")]
    private static partial Regex Ids();
}
