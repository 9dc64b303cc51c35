using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>The states a crawl cannot reach by links (forms with errors, conflicts), keyboard use, and no JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormAndKeyboardTests(BrowserHost host)
{
    [Fact]
    public async Task The_skip_link_is_the_first_thing_the_keyboard_reaches_and_moves_focus_to_the_content()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Someone_can_sign_in_with_the_keyboard_alone()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        for (var presses = 0; presses < 15 && await page.EvaluateAsync<string>("document.activeElement.id") != "Input_Email"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync(Roles.Accounts["Coach"]);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Password", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(Roles.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        Assert.Contains("Welcome, Rosa Mendes", await page.TextContentAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_on_forms_are_accessible_link_to_their_fields_and_keep_what_was_typed()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var problems = new List<string>();

        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("There is a problem", (await page.TextContentAsync(".govuk-error-summary__title"))?.Trim());
        problems.AddRange(await checks.CheckCurrentPageAsync());

        await Roles.SignInAsync(page, Roles.Accounts["Admin"]);
        await page.GotoAsync("/organisations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Half-finished trust");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Half-finished trust", await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        problems.AddRange(await checks.CheckCurrentPageAsync());

        // The summary's link takes the keyboard to the field in error.
        await page.ClickAsync(".govuk-error-summary__list a[href='#Input_Type']");
        Assert.Equal("Input_Type", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.GotoAsync("/admin/people/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        problems.AddRange(await checks.CheckCurrentPageAsync());

        problems.AddRange(await checks.Html.ErrorsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_service_works_without_javascript()
    {
        await using var context = await host.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await Roles.SignInAsync(page, Roles.Accounts["Admin"]);
        Assert.DoesNotContain("js-enabled", await page.GetAttributeAsync("body", "class") ?? "", StringComparison.Ordinal);

        await page.GotoAsync("/organisations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Brookside Surgery");
        await page.GetByLabel("GP practice").CheckAsync();
        await page.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("England").CheckAsync();
        await page.Locator("#Input_InRemit").CheckAsync();
        await page.Locator("#Input_IsPartner-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        Assert.Equal("Brookside Surgery", (await page.TextContentAsync("h1"))?.Trim());
        Assert.Contains("The organisation has been added to the register.", await page.TextContentAsync(".govuk-notification-banner"), StringComparison.Ordinal);

        // The navigation is all there without the script that collapses it on small screens.
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "People" }).IsVisibleAsync());
    }

    [Fact]
    public async Task Kestrel_names_no_server_and_a_body_too_large_gets_the_413_page_not_a_failure()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var home = await page.GotoAsync("/");
        Assert.False(home!.Headers.ContainsKey("server"), "the response says what server runs it");

        // 13MB to the evidence upload (its limit is 12MB) and 2MB to an ordinary form (its limit is 1MB): refused before
        // they are read, with the friendly page, never a 500.
        foreach (var (path, megabytes, status, words) in new[]
        {
            ("/complain/evidence?handler=Upload", 13, 413, "What you sent is too large"), ("/account/sign-in", 2, 413, "What you sent is too large"),
        })
        {
            var response = await page.APIRequest.PostAsync(path, new() { Data = new string('x', megabytes * 1024 * 1024), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" } });
            Assert.Equal(status, response.Status);
            Assert.Contains(words, await response.TextAsync(), StringComparison.Ordinal);
        }
    }
}
