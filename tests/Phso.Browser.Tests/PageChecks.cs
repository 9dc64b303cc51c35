using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>What every page must be: answered below 400, free of console errors (CSP violations included), failed
/// requests and axe-core WCAG 2.2 A/AA violations; reflowing at 320 CSS pixels without sideways scrolling (WCAG 1.4.10),
/// with chart text still readable; every error-summary link landing on an element of the page; and, collected in
/// <see cref="Html"/> for one run of the Nu HTML Checker at the end, valid HTML. A failing page is screenshotted under
/// the test output.</summary>
public sealed class PageChecks
{
    /// <summary>The narrowest width a page must reflow to: 320 CSS pixels, as 1280 pixels zoomed to 400%.</summary>
    public const int ReflowWidth = 320;

    /// <summary>The smallest rendered height, in CSS pixels, of a chart's text at that width.</summary>
    public const double SmallestChartText = 11;

    private const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const scrollable = el => { for (let e = el.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '');
          const problems = [];
          if (document.documentElement.scrollWidth > width + 1) {
            const wide = [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > width + 1 && !scrollable(el));
            const outermost = wide.filter(el => !wide.includes(el.parentElement));
            problems.push(`at ${width}px the page is ${document.documentElement.scrollWidth}px wide (sideways scrolling); too wide: ` +
              outermost.slice(0, 4).map(el => `${name(el)} (${Math.round(el.getBoundingClientRect().width)}px)`).join(', '));
          }
          for (const text of document.querySelectorAll('svg text')) {
            const h = text.getBoundingClientRect().height;
            if (text.textContent.trim() && h > 0 && h < SMALLEST) { problems.push(`chart text "${text.textContent.trim()}" is ${h.toFixed(1)}px high at ${width}px`); break; }
          }
          return problems;
        }
        """;

    private const string ErrorTargetsScript = """
        () => [...document.querySelectorAll('.govuk-error-summary a[href^="#"]')]
          .map(a => a.getAttribute('href').slice(1))
          .filter(id => id && !document.getElementById(id))
          .map(id => `the error summary links to #${id}, which is not on the page`)
        """;

    private IResponse? _document;

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
            if (response.Request.ResourceType == "document" && response.Frame == page.MainFrame)
            {
                _document = response;
            }

            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _pageProblems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The pages checked, as the server sent them, for the HTML checker.</summary>
    public HtmlChecker Html { get; } = new();

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
        var targets = await Page.EvaluateAsync<string[]>(ErrorTargetsScript);
        var reflow = await ReflowProblemsAsync();
        await CollectHtmlAsync();
        return [.. TakePageProblems(), .. axe.Violations.Select(Describe), .. targets, .. reflow];
    }

    /// <summary>The page at 320 CSS pixels wide: what scrolls sideways, and chart text too small to read.</summary>
    public async Task<string[]> ReflowProblemsAsync()
    {
        var size = Page.ViewportSize ?? new PageViewportSizeResult { Width = 1200, Height = 900 };
        await Page.SetViewportSizeAsync(ReflowWidth, 800);
        try
        {
            return await Page.EvaluateAsync<string[]>(OverflowScript.Replace("SMALLEST", SmallestChartText.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        finally
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    private async Task CollectHtmlAsync()
    {
        if (_document is { } document)
        {
            try
            {
                Html.Add($"{new Uri(document.Url).PathAndQuery} ({document.Request.Method} {document.Status})", await document.TextAsync());
            }
            catch (PlaywrightException)
            {
                // A redirect or a page replaced meanwhile has no body to read; its destination is checked instead.
            }
        }
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
