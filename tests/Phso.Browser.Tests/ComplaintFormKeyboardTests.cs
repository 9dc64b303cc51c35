using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>The public complaint form, which a crawl cannot walk (each page needs the one before answered): filled in
/// with the keyboard alone, with every page (and a page showing errors) checked by axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ComplaintFormKeyboardTests(BrowserHost host)
{
    private static Task TabToAsync(IPage page, ILocator target) => Keyboard.TabToAsync(page, target);

    private static Task TypeAsync(IPage page, ILocator field, string text) => Keyboard.TypeAsync(page, field, text);

    private static Task DateAsync(IPage page, string id, DateOnly date) => Keyboard.DateAsync(page, id, date);

    private static Task ChooseAsync(IPage page, string label) => Keyboard.ChooseAsync(page, label);

    private static Task ContinueAsync(IPage page) => Keyboard.ContinueAsync(page);

    private static Task ActivateAsync(IPage page, ILocator target) => Keyboard.ActivateAsync(page, target);

    [Fact]
    public async Task A_member_of_the_public_makes_a_complaint_with_the_keyboard_alone_and_every_page_is_accessible()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var problems = new List<string>();
        async Task CheckAsync() => problems.AddRange((await checks.CheckCurrentPageAsync()).Select(p => $"{new Uri(page.Url).PathAndQuery}: {p}"));

        await page.GotoAsync("/complain");
        await ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start now" }));
        await ChooseAsync(page, "I am complaining for myself");
        await CheckAsync();
        await ContinueAsync(page);

        // A question left blank comes back with an error the keyboard can follow to the field.
        await ChooseAsync(page, "Wales");
        await ContinueAsync(page);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await CheckAsync();
        await ActivateAsync(page, page.Locator(".govuk-error-summary__list a").First);
        Assert.Equal("Answers_PersonName", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Hana Sato");
        Assert.True(await page.GetByLabel("Wales").IsCheckedAsync(), "The choice made before the error was lost");
        await ContinueAsync(page);

        await ChooseAsync(page, "Email");
        await TypeAsync(page, page.GetByLabel("Email address (optional)"), "hana.sato@example.com");
        await CheckAsync();
        await ContinueAsync(page);

        await TypeAsync(page, page.GetByLabel("Search by name"), "Northmoor");
        await ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }));
        await ChooseAsync(page, "Northmoor Hospitals NHS Foundation Trust");
        await CheckAsync();
        await ContinueAsync(page);

        await TypeAsync(page, page.Locator("#Answers_WhatHappened"), "The hospital lost my referral letter twice, and my scan was delayed by four months.");
        await CheckAsync();
        await ContinueAsync(page);

        var aware = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);
        await DateAsync(page, "Answers_AwareOn", aware);
        await CheckAsync();
        await ContinueAsync(page);

        await TypeAsync(page, page.Locator("#Answers_Impact"), "I worried for months and had to take unpaid leave for appointments that were cancelled.");
        await ContinueAsync(page);
        await TypeAsync(page, page.Locator("#Answers_OutcomeWanted"), "An apology and a way to track referrals.");
        await ContinueAsync(page);

        await ChooseAsync(page, "Yes, and they have sent their final response");
        await DateAsync(page, "Answers_ComplainedOn", aware.AddDays(5));
        await DateAsync(page, "Answers_FinalResponseOn", aware.AddDays(30));
        await CheckAsync();
        await ContinueAsync(page);

        await ChooseAsync(page, "No");
        await CheckAsync();
        await ContinueAsync(page);

        await ChooseAsync(page, "Yes");
        await TabToAsync(page, page.GetByLabel("Large print"));
        await page.Keyboard.PressAsync("Space");
        await CheckAsync();
        await ContinueAsync(page);

        Assert.Contains("/complain/evidence", page.Url, StringComparison.Ordinal);
        await CheckAsync();
        await ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        Assert.Contains("/complain/check", page.Url, StringComparison.Ordinal);
        var answers = await page.TextContentAsync("main") ?? "";
        Assert.Contains("Hana Sato", answers, StringComparison.Ordinal);
        Assert.Contains("Large print", answers, StringComparison.Ordinal);
        await CheckAsync();
        await ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }));

        Assert.Matches(Reference(), await page.TextContentAsync(".govuk-panel") ?? "");
        await CheckAsync();
        problems.AddRange(await checks.Html.ErrorsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_partner_plugins_questions_are_answered_with_the_keyboard_and_their_pages_are_accessible()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var problems = new List<string>();
        async Task CheckAsync() => problems.AddRange((await checks.CheckCurrentPageAsync()).Select(p => $"{new Uri(page.Url).PathAndQuery}: {p}"));
        async Task NextAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        // The pages before are covered by the test above; here they are filled quickly.
        await page.GotoAsync("/complain/who");
        await page.GetByLabel("I am complaining for myself", new() { Exact = true }).CheckAsync();
        await NextAsync();
        await page.Locator("#Answers_PersonName").FillAsync("Eilidh Munro");
        await page.GetByLabel("Scotland", new() { Exact = true }).CheckAsync();
        await NextAsync();
        await page.GetByLabel("Letter", new() { Exact = true }).CheckAsync();
        await page.Locator("#Answers_Address").FillAsync("2 Harbour Row, Glenmorven");
        await NextAsync();
        await page.GotoAsync("/complain/organisation?search=Glenmorven");
        await page.GetByLabel("NHS Glenmorven Health Board", new() { Exact = true }).CheckAsync();
        await NextAsync();
        await page.Locator("#Answers_WhatHappened").FillAsync("My son's referral was lost and he waited fourteen months to be seen.");
        await NextAsync();
        var aware = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3);
        await page.Locator("#Answers_AwareOn").FillAsync(aware.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Answers_AwareOn_Month").FillAsync(aware.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Answers_AwareOn_Year").FillAsync(aware.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await NextAsync();
        await page.Locator("#Answers_Impact").FillAsync("His anxiety got much worse.");
        await NextAsync();
        await page.Locator("#Answers_OutcomeWanted").FillAsync("An apology.");
        await NextAsync();

        await ChooseAsync(page, "Yes, and they have sent their final response");
        await DateAsync(page, "Answers_ComplainedOn", aware.AddDays(5));
        await DateAsync(page, "Answers_AcknowledgedOn", aware.AddDays(7));
        await DateAsync(page, "Answers_FinalResponseOn", aware.AddDays(40));
        await CheckAsync();
        await ContinueAsync(page);

        Assert.Contains("/complain/local-questions", page.Url, StringComparison.Ordinal);
        await CheckAsync();
        await TypeAsync(page, page.Locator("#Answers_LocalQuestions_0__Date"), "31");
        await ContinueAsync(page);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await CheckAsync();
        await ActivateAsync(page, page.Locator(".govuk-error-summary__list a").First);
        Assert.Equal("Answers_LocalQuestions_0__Date", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(aware.AddDays(12).Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync(page, page.Locator("#Answers_LocalQuestions_0__Date_Month"), aware.AddDays(12).Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync(page, page.Locator("#Answers_LocalQuestions_0__Date_Year"), aware.AddDays(12).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ContinueAsync(page);

        Assert.Contains("/complain/legal", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await NextAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await NextAsync();
        await NextAsync();
        Assert.Contains("/complain/check", page.Url, StringComparison.Ordinal);
        Assert.Contains("When did the board give its first (stage 1) response?", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        await CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();
        var reference = Reference().Match(await page.TextContentAsync(".govuk-panel") ?? "").Value;

        // The caseworker's side: the answers on the case page and the page that corrects them.
        await using var staff = await host.NewContextAsync();
        var caseworker = await staff.NewPageAsync();
        var staffChecks = new PageChecks(caseworker);
        await Roles.SignInAsync(caseworker, Roles.Accounts["Caseworker"]);
        foreach (var path in new[] { $"/cases/{reference}", $"/cases/{reference}/facts" })
        {
            problems.AddRange(await staffChecks.VisitAsync(path, "Caseworker", runAxe: true));
            Assert.Contains("When did the board give its first (stage 1) response?", await caseworker.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        }

        problems.AddRange(await checks.Html.ErrorsAsync());
        problems.AddRange(await staffChecks.Html.ErrorsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("PSO-\\d{4}-\\d{5}")]
    private static partial Regex Reference();
}
