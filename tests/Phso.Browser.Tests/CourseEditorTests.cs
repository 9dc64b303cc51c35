using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>The course editor's states a crawl cannot reach by links: a lesson refused with its lines, and a preview.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseEditorTests(BrowserHost host)
{
    [Fact]
    public async Task An_author_previews_and_corrects_a_lesson_and_every_state_is_accessible()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var problems = new List<string>();
        async Task CheckAsync() => problems.AddRange((await checks.CheckCurrentPageAsync()).Select(p => $"{new Uri(page.Url).PathAndQuery}: {p}"));
        await Roles.SignInAsync(page, Roles.Accounts["Admin"]);

        await page.GotoAsync("/training/courses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Equality, diversity and inclusion essentials" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the lesson The Equality Act 2010 in brief" }).ClickAsync();
        var lesson = page.GetByLabel("Lesson", new() { Exact = true });
        Assert.Contains("Equality Act", await lesson.InputValueAsync(), StringComparison.Ordinal);

        await lesson.FillAsync("## The Act\n\n<b>Nine</b> protected characteristics.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save in the draft" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Line 3: Raw HTML is not allowed", await page.TextContentAsync(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Contains("<b>Nine</b>", await lesson.InputValueAsync(), StringComparison.Ordinal);
        await CheckAsync();

        await lesson.FillAsync("## The Act\n\n**Nine** protected characteristics.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Equal("Nine", await page.TextContentAsync(".phso-preview strong"));
        await CheckAsync();

        problems.AddRange(await checks.Html.ErrorsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
