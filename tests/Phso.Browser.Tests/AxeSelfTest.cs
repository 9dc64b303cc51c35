namespace Phso.Browser.Tests;

/// <summary>The page checks really do find accessibility failures, console errors, pages that scroll sideways at 320
/// pixels, chart text too small to read, error-summary links to nothing and invalid HTML (so a clean crawl means
/// something).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeSelfTest(BrowserHost host)
{
    [Fact]
    public async Task The_checks_report_an_inaccessible_page_and_a_script_error()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.GotoAsync("/accessibility");
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.src = '/images/favicon.svg';
              document.querySelector('main').appendChild(img);
              const input = document.createElement('input');
              document.querySelector('main').appendChild(input);
              console.error('planted failure');
            }
            """);
        var problems = await checks.CheckCurrentPageAsync();
        Assert.Contains(problems, p => p.StartsWith("axe image-alt", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("axe label", StringComparison.Ordinal));
        Assert.Contains("console error: planted failure", problems);
    }

    [Fact]
    public async Task The_checks_report_sideways_scrolling_small_chart_text_and_an_error_link_to_nothing()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.GotoAsync("/accessibility");
        Assert.Empty(await checks.ReflowProblemsAsync());
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              const wide = document.createElement('table');
              wide.className = 'govuk-table planted-wide';
              wide.innerHTML = '<tr><td>' + Array(12).fill('Unbreakablewordthatnevercanwrap').join('</td><td>') + '</td></tr>';
              main.appendChild(wide);
              main.insertAdjacentHTML('beforeend', '<svg viewBox="0 0 2000 100" width="100%"><text x="10" y="50" font-size="14">tiny label</text></svg>');
              main.insertAdjacentHTML('afterbegin', '<div class="govuk-error-summary"><ul><li><a href="#No_Such_Field">Enter something</a></li></ul></div>');
            }
            """);
        var problems = await checks.CheckCurrentPageAsync();
        Assert.True(problems.Any(p => p.StartsWith("at 320px the page is", StringComparison.Ordinal) && p.Contains("table.govuk-table.planted-wide", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.Contains(problems, p => p.StartsWith("chart text \"tiny label\"", StringComparison.Ordinal));
        Assert.Contains("the error summary links to #No_Such_Field, which is not on the page", problems);
    }

    [Fact]
    public async Task The_html_checker_reports_invalid_html_and_passes_a_page_of_the_service()
    {
        var checker = new HtmlChecker();
        checker.Add("planted", "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><time datetime=\"2026-12-01T13:55:08.9941767+00:00\">today</time><div></p></body></html>");
        var errors = await checker.ErrorsAsync();
        Assert.Contains(errors, e => e.StartsWith("planted line", StringComparison.Ordinal) && e.Contains("datetime", StringComparison.Ordinal));

        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.GotoAsync("/accessibility");
        Assert.Empty(await checks.CheckCurrentPageAsync());
        Assert.Empty(await checks.Html.ErrorsAsync());
    }
}
