using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>A course's quiz answered with the keyboard alone (radios, checkboxes, a typed answer and drop-down
/// matches), with axe on the lesson, the quiz, the quiz with errors and the result.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QuizKeyboardTests(BrowserHost host)
{
    [Fact]
    public async Task A_learner_takes_a_quiz_with_the_keyboard_alone_and_every_page_is_accessible()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var problems = new List<string>();
        async Task CheckAsync() => problems.AddRange((await checks.CheckCurrentPageAsync()).Select(p => $"{new Uri(page.Url).PathAndQuery}: {p}"));
        await Roles.SignInAsync(page, Roles.Accounts["Coach"]);

        await page.GotoAsync("/learning/catalogue");
        await Keyboard.ActivateAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Handling complaints well" }));
        await CheckAsync();
        var enrol = page.GetByRole(AriaRole.Button, new() { Name = "Enrol and start" });
        if (await enrol.CountAsync() > 0)
        {
            await Keyboard.ActivateAsync(page, enrol);
        }
        else
        {
            await Keyboard.ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = StartOrContinue() }));
        }

        Assert.Contains("/lessons/", page.Url, StringComparison.Ordinal);
        await CheckAsync();

        await page.GotoAsync(Regex.Replace(page.Url, "/lessons/.*$", "/quiz"));
        await Keyboard.ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }));
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await CheckAsync();

        await Keyboard.ChooseAsync(page, "Listen, try to put it right, and explain how to complain if they want to");
        foreach (var label in new[] { "What was found, and the reasons", "An apology for what went wrong", "How to bring the complaint to the ombudsman" })
        {
            await Keyboard.TabToAsync(page, page.GetByLabel(label, new() { Exact = true }));
            await page.Keyboard.PressAsync("Space");
        }

        await Keyboard.ChooseAsync(page, "True");
        await Keyboard.TypeAsync(page, page.Locator("#q-who-decides"), "The ombudsman");
        var matches = new[]
        {
            "Posters and a web page that explain how to complain", "Agreeing the questions with the person before investigating",
            "A clear apology and an explanation of what will change", "Board papers that report the themes from complaints",
        };
        for (var i = 0; i < matches.Length; i++)
        {
            var select = page.Locator($"#q-match-expectations-{i}");
            await Keyboard.TabToAsync(page, select);
            for (var presses = 0; presses < 10 && await select.EvaluateAsync<string>("s => s.options[s.selectedIndex].text") != matches[i]; presses++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
        }

        await Keyboard.ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }));
        Assert.Contains("/quiz/attempts/", page.Url, StringComparison.Ordinal);
        Assert.Contains("100%", await page.TextContentAsync("h1") ?? "", StringComparison.Ordinal);
        await CheckAsync();
        problems.AddRange(await checks.Html.ErrorsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("^(Start|Continue) course$")]
    private static partial Regex StartOrContinue();
}
