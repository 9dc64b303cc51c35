namespace Phso.Browser.Tests;

/// <summary>
/// The timeliness charts' colours, checked as axe cannot (it leaves SVG text over a chart as "needs review"): every
/// label against what is behind it at least 4.5:1 (WCAG 1.4.3), every bar and legend swatch against the page at least
/// 3:1 (1.4.11), computed in the browser from the colours actually drawn.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartContrastTests(BrowserHost host)
{
    private const string ContrastScript = """
        () => {
          const rgb = s => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
          const behind = el => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (c && c !== 'transparent' && !c.startsWith('rgba(0, 0, 0, 0)')) return rgb(c); } return [255, 255, 255]; };
          const checked = [];
          for (const t of document.querySelectorAll('svg.phso-chart text')) {
            if (t.textContent.trim()) checked.push({ what: `label "${t.textContent.trim()}"`, ratio: ratio(rgb(getComputedStyle(t).fill), behind(t.closest('svg').parentElement)), need: 4.5 });
          }
          for (const r of document.querySelectorAll('svg.phso-chart rect, .phso-legend rect')) {
            checked.push({ what: `colour ${r.getAttribute('fill')}`, ratio: ratio(rgb(getComputedStyle(r).fill), behind(r.closest('svg').parentElement)), need: 3 });
          }
          return { count: checked.length, failures: checked.filter(c => c.ratio < c.need).map(c => `${c.what}: ${c.ratio.toFixed(2)}:1, needs ${c.need}:1`),
                   lowestLabel: Math.min(...checked.filter(c => c.need === 4.5).map(c => c.ratio)), lowestColour: Math.min(...checked.filter(c => c.need === 3).map(c => c.ratio)) };
        }
        """;

    [Fact]
    public async Task Every_chart_label_and_colour_has_enough_contrast_with_what_is_behind_it()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await Roles.SignInAsync(page, Roles.Accounts["Manager"]);
        await page.GotoAsync("/cases/timeliness");

        var result = await page.EvaluateAsync<Contrast>(ContrastScript);

        Console.WriteLine($"Timeliness charts: {result.Count} labels and colours checked; lowest label contrast {result.LowestLabel:0.0}:1, lowest colour {result.LowestColour:0.0}:1");
        Assert.True(result.Count > 20, $"only {result.Count} chart parts were found");
        Assert.True(result.Failures.Length == 0, string.Join("\n", result.Failures));
    }

    private sealed class Contrast
    {
        public int Count { get; set; }

        public string[] Failures { get; set; } = [];

        public double LowestLabel { get; set; }

        public double LowestColour { get; set; }
    }
}
