using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>What every page must be: answered below 400, free of console errors (CSP violations included), failed
/// requests and axe-core WCAG 2.2 A/AA violations. A failing page is screenshotted under the test output.</summary>
public sealed class PageChecks
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    private readonly List<string> _pageProblems = [];

    public PageChecks(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium reports a 4xx for the document itself as a console error; a form shown again with errors answers
            // 400 on purpose, and the document's status is checked on its own.
            var aboutThisDocument = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal);
            if (message.Type == "error" && !aboutThisDocument)
            {
                _pageProblems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _pageProblems.Add($"script error: {error}");
        page.RequestFailed += (_, request) => _pageProblems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _pageProblems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Goes to <paramref name="path"/> and checks the page; returns what is wrong with it (empty when nothing).
    /// Without <paramref name="runAxe"/> only the status, console and requests are checked (for a second page of a
    /// kind whose markup axe has already checked).</summary>
    public async Task<List<string>> VisitAsync(string path, string who, bool runAxe = true)
    {
        _pageProblems.Clear();
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var problems = new List<string>();
        if (response is null || response.Status >= 400)
        {
            problems.Add($"answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }

        problems.AddRange(runAxe ? await CheckCurrentPageAsync() : TakePageProblems());
        if (problems.Count > 0)
        {
            await ScreenshotAsync(who, path);
        }

        return [.. problems.Select(p => $"{who} {path}: {p}")];
    }

    /// <summary>Checks the page as it is now (after a form was submitted, say).</summary>
    public async Task<List<string>> CheckCurrentPageAsync()
    {
        var axe = await Page.RunAxe(WcagAA);
        return [.. TakePageProblems(), .. axe.Violations.Select(Describe)];
    }

    private List<string> TakePageProblems()
    {
        var problems = new List<string>(_pageProblems);
        _pageProblems.Clear();
        return problems;
    }

    public async Task ScreenshotAsync(string who, string path)
    {
        Directory.CreateDirectory(BrowserHost.ScreenshotFolder);
        var name = string.Concat($"{who}{path}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    private static string Describe(AxeResultItem violation)
    {
        var text = new StringBuilder($"axe {violation.Id} ({violation.Impact}): {violation.Help}");
        foreach (var node in violation.Nodes.Take(3))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" | {node.Html}");
        }

        return text.ToString();
    }
}
