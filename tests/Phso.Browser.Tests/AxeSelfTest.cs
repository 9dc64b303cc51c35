namespace Phso.Browser.Tests;

/// <summary>The page checks really do find accessibility failures and console errors (so a clean crawl means something).</summary>
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
}
