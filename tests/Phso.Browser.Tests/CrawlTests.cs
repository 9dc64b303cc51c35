using System.Text.RegularExpressions;

namespace Phso.Browser.Tests;

/// <summary>
/// For each role, and for the public: sign in through the page, then visit every page reachable by following links
/// from the home page and the service navigation, checking each with <see cref="PageChecks"/>. New modules' pages join
/// the crawl simply by being linked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CrawlTests(BrowserHost host)
{
    private const int VisitsPerPattern = 2;
    private const int MaxPagesPerRole = 250;

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
            problems.AddRange(await checks.VisitAsync(path, role, runAxe: perPattern[pattern] == 1));
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
        Console.WriteLine($"{role}: {visited.Count} pages checked ({checks.Html.Count} of them with axe, at {PageChecks.ReflowWidth}px and by the HTML checker)");
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

    /// <summary>Pages that differ only by an id or a page number count as one pattern, visited at most twice.</summary>
    private static string Pattern(string path)
    {
        var (route, query) = path.Split('?', 2) is [var r, var q] ? (r, q) : (path, "");
        var keys = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return Ids().Replace(route, "{id}") + "?" + keys;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\\d+(?=/|$)")]
    private static partial Regex Ids();
}
